// Which channels hear of an alert, and whether quiet hours hold it back (critical alerts ignore quiet hours).
import { SEVERITY_RANK, type AlertSeverity } from '../domain/alert.js';

export interface Route {
  channels: string[];
  entities?: string[];
  minSeverity: AlertSeverity;
  /** The competitive-intelligence route: takes competitors' alerts only. */
  competitors?: boolean;
  /** Only alerts whose evidence carries one of these custom tags. */
  tags?: string[];
}

export interface QuietHours {
  start: string; // "22:00"
  end: string; // "07:00"
  timezone: string;
}

export interface RoutingDecision {
  channels: string[];
  /** When set, send at this time instead of now (the end of quiet hours). */
  deferUntil?: number;
}

/**
 * Whether a route takes an alert of this entity. A competitor's alert (a post praising the competitor at the brand's
 * expense, a competitor's own crisis) is competitive intelligence, not the brand's crisis: it goes to a route marked
 * `competitors`, or to one that names the competitor, never to the brand's crisis channel by default.
 */
function takes(route: Route, entityId: string, competitor: boolean): boolean {
  if (route.entities) return route.entities.includes(entityId) && (competitor || route.competitors !== true);
  return competitor === (route.competitors === true);
}

/** `alert.tags`: the custom tags of the alert's evidence mentions (a route with `tags` needs one of them). */
export function routeAlert(
  alert: { entityId: string; severity: AlertSeverity; competitor?: boolean; tags?: readonly string[] },
  routes: readonly Route[],
  allChannels: readonly string[],
  quietHours: QuietHours | undefined,
  now: number,
): RoutingDecision {
  const competitor = alert.competitor === true;
  const channels =
    routes.length === 0
      ? competitor
        ? []
        : [...allChannels]
      : [
          ...new Set(
            routes
              .filter(
                (r) =>
                  takes(r, alert.entityId, competitor) &&
                  SEVERITY_RANK[alert.severity] >= SEVERITY_RANK[r.minSeverity] &&
                  (!r.tags || r.tags.some((t) => alert.tags?.includes(t))),
              )
              .flatMap((r) => r.channels),
          ),
        ];
  if (quietHours && alert.severity !== 'critical') {
    const end = quietHoursEnd(quietHours, now);
    if (end !== null) return { channels, deferUntil: end };
  }
  return { channels };
}

/** If `now` falls inside the quiet hours, the epoch ms when they end; otherwise null. */
export function quietHoursEnd(q: QuietHours, now: number): number | null {
  const minuteOfDay = localMinuteOfDay(now, q.timezone);
  const start = toMinutes(q.start);
  const end = toMinutes(q.end);
  const inside = start <= end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
  if (!inside) return null;
  const minutesLeft = (end - minuteOfDay + 1440) % 1440;
  return Math.floor(now / 60_000) * 60_000 + minutesLeft * 60_000;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function localMinuteOfDay(t: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get('hour') * 60 + get('minute');
}
