// Runs every crisis detector over one entity's window and returns what they found.
import { type DetectionParams, defaultDetectionParams } from './detection-params.js';
import { detectEmergingTopic } from './emerging-topic.js';
import { detectInfluentialNegative } from './influencer.js';
import { detectNegativeShareShift } from './negative-share.js';
import { detectRiskCluster } from './risk.js';
import type { AlertCandidate, EntityWindow } from './series.js';
import { detectViralNegative } from './velocity.js';
import { detectVolumeSurge } from './volume.js';

const DETECTORS: readonly ((window: EntityWindow, params: DetectionParams) => AlertCandidate | null)[] = [
  (w, p) => detectVolumeSurge(w, p),
  detectNegativeShareShift,
  detectInfluentialNegative,
  detectViralNegative,
  detectRiskCluster,
  detectEmergingTopic,
];

/** At most one candidate per detector; feed them to `reconcileAlerts` to turn them into alert actions. */
export function detectCrises(window: EntityWindow, params: DetectionParams = defaultDetectionParams): AlertCandidate[] {
  const found: AlertCandidate[] = [];
  for (const detect of DETECTORS) {
    const candidate = detect(window, params);
    if (candidate) found.push(candidate);
  }
  return found;
}
