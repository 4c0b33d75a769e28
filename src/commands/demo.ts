// `vigie demo`: a fresh replay of the bundled scenario on the embedded defaults, with the dashboard address printed.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { loadConfigFile } from '../config/load-config.js';
import { sqlitePath, isPostgresUrl } from '../store/database.js';
import { createLogger } from '../logger.js';
import { STAGES, queueName } from '../queue/names.js';
import { createRedis } from '../queue/redis-connection.js';
import { runVigie, stopOnSignals } from '../app/run-vigie.js';

export const DEMO_CONFIG = 'config/demo.yaml';

export async function runDemo(configPath = DEMO_CONFIG): Promise<void> {
  const config = loadConfigFile(configPath);
  const logger = createLogger();
  // The replay is a show that starts from the beginning each time: forget the previous run.
  if (!isPostgresUrl(config.database.url)) {
    const db = sqlitePath(config.database.url, config.dataDir);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  }
  const running = await runVigie(config, {
    stages: STAGES,
    api: true,
    schedulers: true,
    logger,
    prepare: (ctx) => forgetPreviousQueues(ctx.redisTarget, config.redis.prefix),
  });
  stopOnSignals(running, logger);
  const outbox = resolve(config.smtp.outboxDir || `${config.dataDir}/outbox`);
  console.log(
    [
      '',
      '  Vigie demo is running.',
      `  Dashboard:  ${running.apiUrl}`,
      `  Emails:     ${config.smtp.url ? 'sent through SMTP' : outbox}`,
      '  The scenario replays a week of mentions of Kelio and its competitors; a crisis starts within',
      '  the first minute and the first alert follows it. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
}

async function forgetPreviousQueues(target: Parameters<typeof createRedis>[0], prefix: string): Promise<void> {
  const connection = createRedis(target);
  try {
    for (const stage of STAGES) {
      const queue = new Queue(queueName(stage), { connection, prefix });
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    connection.disconnect();
  }
}
