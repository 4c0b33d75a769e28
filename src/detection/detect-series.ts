// Runs the volume detector as a stream over a plain `timestamp,value` count series (the `vigie detect-series` command).
import { type OpenAlert, type ResolvedAlert, isBackToBaseline, reconcileAlerts } from './alert-lifecycle.js';
import { type DetectionParams, type DetectionParamsInput, detectionParamsSchema } from './detection-params.js';
import { type Bucket, type EntityWindow, type FineHistory, HOUR_MS, MINUTE_MS, type Severity, emptyBucket, severityRank } from './series.js';
import { inferStep, parseCountCsv } from './series-csv.js';
import { detectVolumeSurge } from './volume.js';

export interface SeriesAlert {
  /** ISO time of the row at which the alert was raised (or escalated). */
  timestamp: string;
  detector: string;
  severity: string;
  why: string;
}

const SERIES_ENTITY = 'series';
const HISTORY_HOURS = 28 * 24;
/** Rows from which the series' burstiness and usual peaks are learnt (burst-dispersion.ts, usual-peaks.ts), ending where the baseline's history ends. */
const FINE_HISTORY_MS = 7 * 24 * HOUR_MS;

/**
 * Reads the CSV (see series-csv.ts), infers its step, then replays it row by row as the pipeline
 * would: at each row the window holds the recent rows as buckets and the hourly rollup of the
 * rows before, the volume detector watches the total count, and the alert lifecycle turns its
 * candidates into alerts (one per episode, with escalations). Windows shorter than the step make
 * no sense, so for steps above 10 minutes they become 1, 2, 3 and 6 steps. Warm-up: until the
 * history covers 48 steps (at least a day, at most two weeks) the baseline does not exist and
 * nothing fires. Only surges are reported, not drops.
 */
export function detectSeries(csvText: string, paramsInput: DetectionParamsInput = {}, minSeverity: Severity = 'medium'): SeriesAlert[] {
  const minRank = severityRank(minSeverity);
  const points = parseCountCsv(csvText);
  const step = inferStep(points);
  if (points.length < 2 || step <= 0) return [];
  const params = seriesParams(detectionParamsSchema.parse(paramsInput), step);
  const longestWindow = Math.max(...params.volume.windowsMinutes) * MINUTE_MS;

  const alerts: SeriesAlert[] = [];
  let open: OpenAlert[] = [];
  let resolved: ResolvedAlert[] = [];
  let nextId = 0;
  const completedHours: Bucket[] = [];
  let hours: Bucket[] = [];
  let currentHour: Bucket | null = null;
  const recent: Bucket[] = [];
  const rows: Bucket[] = [];
  let fineHistory: FineHistory | undefined;

  for (const point of points) {
    const bucket: Bucket = { ...emptyBucket(point.at), total: point.value };
    const hourStart = Math.floor(point.at / HOUR_MS) * HOUR_MS;
    if (!currentHour || currentHour.start !== hourStart) {
      if (currentHour) {
        completedHours.push(currentHour);
        if (completedHours.length > HISTORY_HOURS) completedHours.shift();
        // A new array only when an hour completes, so the baseline fit is reused within the hour.
        hours = completedHours.slice();
        fineHistory = fineHistoryBefore(rows, hourStart - params.baseline.excludeRecentHours * HOUR_MS, step);
      }
      currentHour = emptyBucket(hourStart);
    }
    currentHour.total += point.value;
    recent.push(bucket);
    rows.push(bucket);
    const now = point.at + step;
    while (recent.length && recent[0].start < now - longestWindow) recent.shift();

    const window: EntityWindow = { entityId: SERIES_ENTITY, now, minutes: recent, hours, notable: [], recentNegativeTexts: [], backgroundTexts: [], fineHistory };
    const candidate = detectVolumeSurge(window, params, 'total');
    resolved = resolved.filter((r) => now - r.resolvedAt < params.lifecycle.cooldownMinutes * MINUTE_MS);
    const actions = reconcileAlerts(open, candidate ? [candidate] : [], { now, backToBaseline: { [SERIES_ENTITY]: isBackToBaseline(window, params) }, recentlyResolved: resolved }, params);
    for (const action of actions) {
      if ((action.type === 'open' || action.type === 'escalate') && severityRank(action.alert.severity) >= minRank) {
        alerts.push({ timestamp: new Date(point.at).toISOString(), detector: 'volume', severity: action.alert.severity, why: action.alert.why });
      }
      if (action.type === 'open') open.push({ ...action.alert, id: `series-${nextId++}`, status: 'open' });
      else if (action.type === 'resolve') {
        open = open.filter((a) => a.id !== action.alertId);
        resolved.push({ entityId: SERIES_ENTITY, severity: action.alert.severity, resolvedAt: now });
      } else open = open.map((a) => (a.id === action.alertId ? action.alert : a));
    }
  }
  return alerts;
}

/** The rows of the FINE_HISTORY_MS before `to` (rows are in time order). */
function fineHistoryBefore(rows: readonly Bucket[], to: number, stepMs: number): FineHistory {
  const from = to - FINE_HISTORY_MS;
  let end = rows.length;
  while (end > 0 && rows[end - 1].start >= to) end--;
  let start = end;
  while (start > 0 && rows[start - 1].start >= from) start--;
  return { buckets: rows.slice(start, end), stepMs, from, to };
}

/** Windows in whole steps, warm-up in steps, and the lifecycle's quiet period at least three steps. */
function seriesParams(params: DetectionParams, stepMs: number): DetectionParams {
  const stepMinutes = Math.max(1, Math.round(stepMs / MINUTE_MS));
  const windowsMinutes = stepMinutes <= 10 ? params.volume.windowsMinutes.filter((w) => w >= stepMinutes) : [1, 2, 3, 6].map((k) => k * stepMinutes);
  const stepHours = stepMs / HOUR_MS;
  return {
    ...params,
    baseline: {
      ...params.baseline,
      minHistoryHours: Math.max(params.baseline.minHistoryHours, Math.min(14 * 24, Math.ceil(48 * stepHours))),
      excludeRecentHours: Math.max(params.baseline.excludeRecentHours, Math.ceil(stepHours)),
    },
    volume: { ...params.volume, windowsMinutes: (windowsMinutes.length ? windowsMinutes : [stepMinutes]) as [number, ...number[]] },
    backToBaseline: { ...params.backToBaseline, windowMinutes: Math.max(params.backToBaseline.windowMinutes, stepMinutes) },
    lifecycle: { ...params.lifecycle, resolveAfterMinutes: Math.max(params.lifecycle.resolveAfterMinutes, 3 * stepMinutes) },
  };
}
