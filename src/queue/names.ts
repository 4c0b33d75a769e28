// The pipeline's queues and the payload each carries.
import type { AlertSeverity } from '../domain/alert.js';
import type { MentionInput } from '../domain/mention.js';

export const STAGES = ['collect', 'score', 'detect', 'notify', 'maintain', 'digest'] as const;
export type Stage = (typeof STAGES)[number];

/** Queue names carry no prefix: the prefix (hash-tagged, e.g. "{vigie}") keeps every key in one Redis Cluster slot. */
export const queueName = (stage: Stage) => stage;

export type CollectJob =
  | { kind: 'poll'; sourceId: string }
  | { kind: 'ingest'; sourceId: string; platform: string; mentions: MentionInput[] };

export interface ScoreJob {
  sourceId: string;
  collectedAt: number;
  mentions: (MentionInput & { entityIds: string[] })[];
}

export interface DetectJob {
  entityId: string;
  /** Data time the detection runs at: the newest mention that triggered it (or the clock, for the periodic check). */
  asOf: number;
}

export type AlertEvent = 'opened' | 'escalated' | 'resolved';

export interface NotifyJob {
  alertId: string;
  event: AlertEvent;
  /** The alert's severity when the event happened: an escalation is told once per severity reached. */
  severity: AlertSeverity;
}

export interface MaintainJob {
  task: 'author-graph' | 'retention' | 'retrain';
}

export interface DigestJob {
  entityId: string;
  /** ISO week like '2026-W47'; default: the week before the scheduled time. */
  week?: string;
  /** The scheduled PDF report (entities[].report) rather than the weekly digest. */
  report?: boolean;
}

export interface JobPayloads {
  collect: CollectJob;
  score: ScoreJob;
  detect: DetectJob;
  notify: NotifyJob;
  maintain: MaintainJob;
  digest: DigestJob;
}
