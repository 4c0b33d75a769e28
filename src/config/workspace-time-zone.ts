// The workspace's one time zone: what every date a person reads is shown in (dashboard, CSV, digest, reports).
import type { VigieConfig } from './load-config.js';

/** `workspace.timeZone`, else the top-level `timezone` (UTC by default): storage stays UTC, display uses this. */
export function workspaceTimeZone(config: Pick<VigieConfig, 'timezone' | 'workspace'>): string {
  return config.workspace?.timeZone ?? config.timezone;
}
