// Every tunable of the detectors and the alert lifecycle, with defaults, as a zod schema config can override.
import { z } from 'zod';

const windows = (defaults: number[]) => z.array(z.number().int().positive()).nonempty().default(defaults as [number, ...number[]]);

export const detectionParamsSchema = z.object({
  /** Seasonal baseline built from the hourly history (see seasonal-baseline.ts). */
  baseline: z
    .object({
      /** Below this much history the volume detectors stay quiet (warm-up). */
      minHistoryHours: z.number().int().nonnegative().default(24),
      /** The last hours are left out of the baseline so an ongoing crisis does not raise it. */
      excludeRecentHours: z.number().int().nonnegative().default(3),
      /** Hours over which the level (growth) factor is measured. */
      levelHours: z.number().int().positive().default(72),
      /** Pseudo-count that keeps the level factor near 1 when volumes are tiny. */
      levelPseudoCount: z.number().nonnegative().default(10),
      /** Weight (in weeks) of the hour-of-day x day-of-week model against the hour-of-week profile. */
      weekShrink: z.number().nonnegative().default(2),
      /** Upper bound of the estimated overdispersion (variance = mean + dispersion x mean^2). */
      maxDispersion: z.number().nonnegative().default(0.5),
      /** Lower bound: a fit on its own data understates the noise, and real hourly counts are never quite Poisson. */
      minDispersion: z.number().nonnegative().default(0.03),
    })
    .prefault({}),
  /** Volume surge against the seasonal baseline (volume.ts). */
  volume: z
    .object({
      /** Sliding windows, in minutes, over the minute buckets. */
      windowsMinutes: windows([10, 30, 60, 180]),
      /** Which count is watched; `negative` ignores happy surges (launches, campaigns). */
      measure: z.enum(['total', 'negative']).default('negative'),
      minCount: z.number().nonnegative().default(6),
      minRatio: z.number().positive().default(2.5),
      /** -log10 of the tail probability (see count-surprise.ts). */
      minSurprise: z.number().positive().default(7),
      /** With measure `negative`: the window's negative share must exceed the usual share by this factor. */
      minNegativeShareLift: z.number().positive().default(1.5),
      /** Observed / expected ratios from which severity is medium, high, critical. */
      severityRatios: z.tuple([z.number(), z.number(), z.number()]).default([4, 8, 16]),
      /**
       * Mentions the window must also hold for high and critical (with the risk detector too): on an entity that is
       * rarely named, six posts make a huge ratio (6 against 0.01 expected) but not an emergency that overrides quiet
       * hours. The tone-shift detector asks 50 negative mentions for critical in the same spirit.
       */
      /**
       * Novelty against the entity's own bursts (usual-peaks.ts): a window must also beat the level its history's
       * hourly peaks reach `budgetPerWeek` times a week (extrapolated from the top `tailShare` of them). 0 turns it off.
       */
      usualPeaks: z
        .object({
          budgetPerWeek: z.number().nonnegative().default(0.1),
          tailShare: z.number().min(0.01).max(0.5).default(0.1),
          minScale: z.number().positive().default(1.5),
        })
        .prefault({}),
      severityMinCounts: z.object({ high: z.number().nonnegative(), critical: z.number().nonnegative() }).strict().default({ high: 10, critical: 25 }),
    })
    .prefault({}),
  /** Shift in (reach-weighted) negative share (negative-share.ts). */
  negativeShare: z
    .object({
      windowsMinutes: windows([30, 60, 180]),
      /** Fewer negative mentions than this in the window is never a crisis (three posts at night). */
      minNegative: z.number().int().nonnegative().default(10),
      /** The reach-weighted negative share must exceed its usual value by this many points (0-1). */
      minShareIncrease: z.number().min(0).max(1).default(0.2),
      minSurprise: z.number().positive().default(7),
    })
    .prefault({}),
  /** An influential author posting or amplifying a negative mention (influencer.ts). */
  influencer: z
    .object({
      lookbackMinutes: z.number().int().positive().default(30),
      minInfluence: z.number().min(0).max(100).default(70),
      /** Reshares + replies + quotes the post must have earned, unless the author is above `highInfluence`. */
      minEngagement: z.number().nonnegative().default(50),
      highInfluence: z.number().min(0).max(100).default(90),
    })
    .prefault({}),
  /** A negative post going viral (velocity.ts). */
  velocity: z
    .object({
      /** The growth rate is measured over this span of the engagement history. */
      windowMinutes: z.number().int().positive().default(15),
      /** Reshares + replies per minute a post must reach. */
      minRatePerMinute: z.number().positive().default(1.5),
      /** Reshares + replies the post must already have: a young post's rate over a few minutes says little. */
      minEngagement: z.number().nonnegative().default(30),
      /** ... and how many times faster than the usual notable post it must grow. */
      minRatioToUsual: z.number().positive().default(8),
      /** Floor of the usual rate, so a quiet brand's zero does not make every reply viral. */
      usualRateFloorPerMinute: z.number().positive().default(0.05),
    })
    .prefault({}),
  /** Mentions carrying risk flags (risk.ts). */
  risk: z
    .object({
      windowsMinutes: windows([30, 60, 180]),
      minCount: z.number().nonnegative().default(5),
      minRatio: z.number().positive().default(3),
      minSurprise: z.number().positive().default(6),
    })
    .prefault({}),
  /** A phrase absent from the background and suddenly frequent in negative mentions (emerging-topic.ts). */
  emergingTopic: z
    .object({
      ngramSizes: z.array(z.number().int().min(1).max(4)).nonempty().default([2, 3]),
      /** Frequent route: negative texts that must contain the phrase. */
      minCount: z.number().int().positive().default(8),
      /** Frequent route: share of the recent negative texts that must contain it. */
      minShare: z.number().min(0).max(1).default(0.3),
      /** Highest share of background texts that may contain it for it to count as new. */
      maxBackgroundShare: z.number().min(0).max(1).default(0.02),
      /** Frequent route: negative volume of the last 3 h must be at least this many times its baseline (corroboration). */
      minNegativeLift: z.number().positive().default(1.5),
      /** Spreading route: distinct authors (reshares left out) who used the phrase in recent negative posts. */
      minAuthors: z.number().int().min(2).default(4),
      /** Spreading route: -log10 of the chance that so many of the phrase's uses are recent if it was as common yesterday, less log10 of the phrases tried. */
      minPhraseSurprise: z.number().nonnegative().default(4),
      /** Spreading route: medium severity (not low) once negative volume since the phrase's first use is also `minNegativeLift` times its baseline, this surprising (-log10). */
      minNegativeSurpriseForMedium: z.number().nonnegative().default(3),
    })
    .prefault({}),
  /** When a series counts as "back near its baseline" (alert resolution). */
  backToBaseline: z
    .object({
      windowMinutes: z.number().int().positive().default(60),
      maxRatio: z.number().positive().default(1.5),
      maxSurprise: z.number().positive().default(3),
    })
    .prefault({}),
  /** One crisis, one alert (alert-lifecycle.ts). */
  lifecycle: z
    .object({
      /** Back near baseline this long with no new candidate: the alert resolves. */
      resolveAfterMinutes: z.number().int().positive().default(60),
      /**
       * After a resolution, the same entity cannot open a new alert for this long unless it is two severity levels higher: the next
       * bump of a news day is the same episode, and a person told once at noon does not want the evening's echo.
       */
      cooldownMinutes: z.number().int().nonnegative().default(720),
      /** An alert escalates by one severity level only this long after its last notification (two levels at once: at once). */
      escalateAfterMinutes: z.number().int().nonnegative().default(60),
    })
    .prefault({}),
});

export type DetectionParams = z.infer<typeof detectionParamsSchema>;
export type DetectionParamsInput = z.input<typeof detectionParamsSchema>;

export const defaultDetectionParams: DetectionParams = detectionParamsSchema.parse({});
