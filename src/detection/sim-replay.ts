// Replays a simulated timeline through detectCrises + reconcileAlerts step by step, building each window as the pipeline would.
import { type AlertAction, type OpenAlert, type ResolvedAlert, isBackToBaseline, reconcileAlerts } from './alert-lifecycle.js';
import { detectCrises } from './detect-crises.js';
import type { DetectionParams } from './detection-params.js';
import { type Bucket, type EntityWindow, type FineHistory, HOUR_MS, MINUTE_MS, addBucket, emptyBucket } from './series.js';
import { type SimulatedTimeline, mentionAt } from './simulator.js';

export interface ReplayOptions {
  /** First evaluation instant (the timeline before it is history). */
  from: number;
  to: number;
  stepMinutes: number;
  params: DetectionParams;
}

/** What the replay saw happen to alerts, in time order. */
export interface ReplayLog {
  actions: { at: number; action: AlertAction }[];
}

const MINUTE_WINDOW = 180;
const HISTORY_HOURS = 28 * 24;
const RECENT_MS = 3 * HOUR_MS;
const BACKGROUND_MS = 24 * HOUR_MS;
/** As the pipeline loads it (loadEntityWindow): a week of minutes before the recent window, for bursts and usual peaks. */
const FINE_HISTORY_MS = 7 * 24 * HOUR_MS;

export function replayTimeline(timeline: SimulatedTimeline, options: ReplayOptions): ReplayLog {
  const hourly = rollUpHours(timeline.minutes);
  const firstHour = hourly.length ? hourly[0].start : timeline.start;
  const mentions = timeline.mentions;
  const log: ReplayLog = { actions: [] };
  let open: OpenAlert[] = [];
  let resolved: ResolvedAlert[] = [];
  let nextAlertId = 0;

  let cachedHour = -1;
  let hours: Bucket[] = [];
  let backgroundTexts: string[] = [];
  let fineHistory: FineHistory | undefined;
  let recentStart = 0;
  let recentEnd = 0;

  for (let now = options.from; now < options.to; now += options.stepMinutes * MINUTE_MS) {
    const hourIndex = Math.floor(now / HOUR_MS);
    if (hourIndex !== cachedHour) {
      // A new hour: the pipeline's hourly rollup and yesterday's texts change, the same arrays serve the whole hour.
      cachedHour = hourIndex;
      const end = Math.max(0, Math.min(hourly.length, (hourIndex * HOUR_MS - firstHour) / HOUR_MS));
      hours = hourly.slice(Math.max(0, end - HISTORY_HOURS), end);
      backgroundTexts = negativeTexts(mentions, now - RECENT_MS - BACKGROUND_MS, now - RECENT_MS);
      const to = now - RECENT_MS;
      const from = to - FINE_HISTORY_MS;
      const index = (at: number) => Math.max(0, Math.min(timeline.minutes.length, Math.round((at - timeline.start) / MINUTE_MS)));
      fineHistory = { buckets: timeline.minutes.slice(index(from), index(to)), stepMs: MINUTE_MS, from, to };
    }
    const minuteIndex = Math.round((now - timeline.start) / MINUTE_MS);
    while (recentStart < mentions.length && mentions[recentStart].publishedAt < now - RECENT_MS) recentStart++;
    while (recentEnd < mentions.length && mentions[recentEnd].publishedAt < now) recentEnd++;
    const notable = mentions.slice(recentStart, recentEnd).map((m) => mentionAt(m, now));
    const window: EntityWindow = {
      entityId: timeline.entityId,
      now,
      minutes: timeline.minutes.slice(Math.max(0, minuteIndex - MINUTE_WINDOW), minuteIndex),
      hours,
      notable,
      recentNegativeTexts: notable.filter((m) => m.sentiment === 'negative').map((m) => m.text),
      backgroundTexts,
      fineHistory,
    };

    const candidates = detectCrises(window, options.params);
    resolved = resolved.filter((r) => now - r.resolvedAt < options.params.lifecycle.cooldownMinutes * MINUTE_MS);
    const actions = reconcileAlerts(open, candidates, { now, backToBaseline: { [timeline.entityId]: isBackToBaseline(window, options.params) }, recentlyResolved: resolved }, options.params);
    for (const action of actions) {
      log.actions.push({ at: now, action });
      if (action.type === 'open') open.push({ ...action.alert, id: `alert-${nextAlertId++}`, status: 'open' });
      else if (action.type === 'resolve') {
        open = open.filter((a) => a.id !== action.alertId);
        resolved.push({ entityId: action.alert.entityId, severity: action.alert.severity, resolvedAt: now });
      } else open = open.map((a) => (a.id === action.alertId ? action.alert : a));
    }
  }
  return log;
}

/** Hourly rollup of gap-free minute buckets (what rollups_hourly holds). */
export function rollUpHours(minutes: readonly Bucket[]): Bucket[] {
  const hours: Bucket[] = [];
  for (const m of minutes) {
    const start = Math.floor(m.start / HOUR_MS) * HOUR_MS;
    let h = hours[hours.length - 1];
    if (!h || h.start !== start) {
      h = emptyBucket(start);
      hours.push(h);
    }
    addBucket(h, m);
  }
  return hours;
}

function negativeTexts(mentions: SimulatedTimeline['mentions'], from: number, to: number): string[] {
  const texts: string[] = [];
  for (const m of mentions) {
    if (m.publishedAt >= to) break;
    if (m.publishedAt >= from && m.sentiment === 'negative') texts.push(m.text);
  }
  return texts;
}
