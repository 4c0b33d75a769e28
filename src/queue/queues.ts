// One BullMQ queue per stage, sharing a connection and the deployment's hash-tagged key prefix.
import { Queue, type DefaultJobOptions } from 'bullmq';
import type { RedisClient } from './redis-connection.js';
import { STAGES, queueName, type JobPayloads, type Stage } from './names.js';

export type Queues = { [S in Stage]: Queue<JobPayloads[S]> };

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s ... about 8.5 min in all) ride out a database or
 * SMTP outage; completed jobs are kept an hour so that a duplicate add with the same id is ignored.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export function createQueues(connection: RedisClient, prefix: string, onError: (stage: Stage, error: Error) => void): Queues {
  const entries = STAGES.map((stage) => {
    const queue = new Queue(queueName(stage), { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    queue.on('error', (error) => onError(stage, error));
    return [stage, queue] as const;
  });
  return Object.fromEntries(entries) as unknown as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}
