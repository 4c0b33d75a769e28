// One crisis, one message per channel: when a crisis touches several entities of one family (a product's defect is
// also its brand's and its CEO's crisis), a channel that has been told of it is not told again for each entity.
import { SEVERITY_RANK, type AlertSeverity } from '../domain/alert.js';

/** An active alert of another entity of the same family. */
export interface RelatedAlert {
  id: string;
  entityId: string;
  severity: AlertSeverity;
  /**
   * Channels that were told of it, with the highest severity told there: it was delivered there, or was itself
   * covered there by an alert told before. Its current severity may not have been told yet (an escalation waiting for
   * the family's lock), so only what was told covers.
   */
  toldChannels: ReadonlyMap<string, AlertSeverity>;
}

/**
 * The related alert that already tells `channelId` of this alert's crisis, if any. It covers the alert when the
 * channel was told of it at this alert's severity or higher (a crisis that grows worse on this entity is news),
 * and when at least half of this alert's evidence mentions are also mentions of its entity (`evidenceLinkedTo`
 * counts them per entity): the same posts, so the same crisis. The earliest related alert is preferred.
 */
export function coveringAlert(
  alert: { severity: AlertSeverity; evidenceCount: number },
  related: readonly RelatedAlert[],
  evidenceLinkedTo: ReadonlyMap<string, number>,
  channelId: string,
): RelatedAlert | undefined {
  if (alert.evidenceCount === 0) return undefined;
  return related.find((r) => {
    const told = r.toldChannels.get(channelId);
    return (
      told !== undefined &&
      SEVERITY_RANK[told] >= SEVERITY_RANK[alert.severity] &&
      2 * (evidenceLinkedTo.get(r.entityId) ?? 0) >= alert.evidenceCount
    );
  });
}
