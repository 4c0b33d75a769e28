// What every alert channel (email, Slack, Teams, webhook) is given and must do.
import type { Alert, EvidenceMention } from '../../domain/alert.js';
import type { AlertEvent } from '../../queue/names.js';
import type { Locale } from '../../domain/locale.js';

export interface AlertMessage {
  alert: Alert;
  event: AlertEvent;
  entityName: string;
  evidence: EvidenceMention[];
  alertUrl: string;
  acknowledgeUrl: string;
  /** The language of the message's words: the entity's locale. English when absent. */
  language?: Locale;
  /** The entity's time zone (IANA) for every time in the message. UTC when absent. */
  timeZone?: string;
  /** The crisis room the alert belongs to (absolute), empty when it has none or no public URL is known. */
  crisisUrl?: string;
  /** The crisis playbook's first step, named in the recommended next step. */
  firstStep?: { label: string; withinMinutes: number };
}

export interface AlertChannel {
  id: string;
  type: string;
  /** Resolves once the far end accepted the message; throws otherwise (the job is retried). */
  deliver(message: AlertMessage): Promise<void>;
}
