// The detect stage's public API: what workers, the CLI and the evaluation import.
export * from './series.js';
export { detectionParamsSchema, defaultDetectionParams, type DetectionParams, type DetectionParamsInput } from './detection-params.js';
export { detectCrises } from './detect-crises.js';
export { reconcileAlerts, isBackToBaseline, type OpenAlert, type NewAlert, type ResolvedAlert, type AlertAction, type ReconcileContext } from './alert-lifecycle.js';
export { detectSeries, type SeriesAlert } from './detect-series.js';
export { seasonalBaseline, historicalRatio, type SeasonalBaseline } from './seasonal-baseline.js';
export { simulateTimeline, mentionAt, CRISIS_KINDS, TRAP_KINDS, type ScenarioKind, type SimulatedTimeline } from './simulator.js';
export { replayTimeline, rollUpHours } from './sim-replay.js';
