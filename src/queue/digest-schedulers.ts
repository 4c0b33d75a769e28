// One BullMQ job scheduler per entity with a digest: its cron pattern in its own time zone, upserted at start-up.
import type { Queue } from 'bullmq';
import type { AppContext } from '../app/context.js';
import type { VigieConfig } from '../config/load-config.js';
import { workspaceTimeZone } from '../config/workspace-time-zone.js';
import { DEFAULT_REPORT_PATTERN } from '../reports/report-period.js';
import { jobId } from './job-id.js';

const DIGEST_PREFIX = 'digest-';

export interface DigestSchedule {
  id: string;
  entityId: string;
  pattern: string;
  tz: string;
  /** The PDF report's schedule rather than the digest's. */
  report?: boolean;
}

export function digestSchedules(config: VigieConfig): DigestSchedule[] {
  return config.entities.flatMap((e) => {
    const tz = e.timezone ?? workspaceTimeZone(config);
    return [
      ...(e.digest ? [{ id: jobId('digest', e.id), entityId: e.id, pattern: e.digest.pattern, tz }] : []),
      ...(e.report ? [{ id: jobId('digest', 'report', e.id), entityId: e.id, pattern: e.report.pattern ?? DEFAULT_REPORT_PATTERN[e.report.every], tz, report: true }] : []),
    ];
  });
}

/** Upserts every entity's digest scheduler and removes those of entities that no longer have a digest; returns their ids. */
export async function syncDigestSchedulers(queue: Queue<{ entityId: string; week?: string; report?: boolean }>, config: VigieConfig): Promise<string[]> {
  const schedules = digestSchedules(config);
  for (const s of schedules) {
    await queue.upsertJobScheduler(s.id, { pattern: s.pattern, tz: s.tz }, s.report ? { name: 'report', data: { entityId: s.entityId, report: true } } : { name: 'digest', data: { entityId: s.entityId } });
  }
  const ids = schedules.map((s) => s.id);
  for (const existing of await queue.getJobSchedulers(0, -1)) {
    const key = existing.key ?? existing.id;
    if (key && key.startsWith(DIGEST_PREFIX) && !ids.includes(key)) await queue.removeJobScheduler(key);
  }
  return ids;
}

export async function upsertDigestSchedulers(ctx: AppContext): Promise<string[]> {
  return syncDigestSchedulers(ctx.queues.digest, ctx.config);
}
