// Bucketing of UTC epoch-ms times, shared by rollups and detection.
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export const floorTo = (t: number, step: number): number => Math.floor(t / step) * step;
