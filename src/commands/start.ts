// `vigie start` (everything in one process) and `vigie worker <stages>` (some stages, to scale out).
import { loadConfigFile } from '../config/load-config.js';
import { createLogger } from '../logger.js';
import { STAGES, type Stage } from '../queue/names.js';
import { runVigie, stopOnSignals } from '../app/run-vigie.js';

export async function runStart(configPath: string): Promise<void> {
  const config = loadConfigFile(configPath);
  const logger = createLogger();
  const running = await runVigie(config, { stages: STAGES, api: true, schedulers: true, logger });
  stopOnSignals(running, logger);
  logger.info({ dashboard: running.apiUrl }, `Vigie is running: dashboard at ${running.apiUrl}`);
}

export async function runWorker(configPath: string, stages: Stage[]): Promise<void> {
  const config = loadConfigFile(configPath);
  const logger = createLogger().child({ role: `worker:${stages.join('+')}` });
  const running = await runVigie(config, { stages, api: false, schedulers: false, logger });
  stopOnSignals(running, logger);
  logger.info({ stages }, 'workers running');
}
