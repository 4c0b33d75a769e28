// An alert as stored and shown: one crisis of one entity, updated as it grows.

export type AlertSeverity = 'low' | 'medium' | 'high' | 'critical';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

export const SEVERITY_RANK: Record<AlertSeverity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export interface Alert {
  id: string;
  dedupKey: string;
  entityId: string;
  detectors: string[];
  severity: AlertSeverity;
  status: AlertStatus;
  why: string;
  numbers: Record<string, number>;
  evidence: string[];
  phrases: string[];
  onsetAt: number;
  detectedAt: number;
  notifiedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  resolvedAt: number | null;
  firstResponseAt: number | null;
  updatedAt: number;
  lastFiredAt: number;
  lastSeenAt: number;
  quietSince: number | null;
  /** The crisis room of the entity family's episode this alert belongs to (absent before it is attached). */
  crisisId?: string | null;
}

/** A mention shown as evidence in an alert message. */
export interface EvidenceMention {
  id: string;
  url: string | null;
  text: string;
  authorHandle: string;
  authorFollowers: number;
  publishedAt: number;
  /** The post's tone, or its tone for `entityId` when the evidence was read for an entity (its link's label). */
  sentiment: string;
  /** When read for an entity: the entity, the post's own tone, the link's stance and the other side it names. */
  entityId?: string;
  tone?: string;
  stance?: string;
  versus?: string | null;
}
