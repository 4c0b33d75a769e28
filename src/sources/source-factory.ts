// How a connector is described to the rest of Vigie: its config schema and a constructor.
import type { z } from 'zod';
import type { Source } from './source.js';

export interface SourceLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** What a connector may use from its surroundings; injected so tests can drive time. */
export interface SourceContext {
  env: Record<string, string | undefined>;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  logger: SourceLogger;
}

/** Every source entry in config has at least an id and a type; the rest is the connector's own. */
export interface BaseSourceConfig {
  id: string;
  type: string;
  /** Which configured entities this source's results belong to (matched by terms if omitted). */
  entities?: string[];
}

export interface SourceFactory<C extends BaseSourceConfig = BaseSourceConfig> {
  /** The `type` value in config (e.g. "x", "reddit", "rss"). */
  type: string;
  platform: string;
  /** zod schema of this connector's config entry (must accept `id` and `type`). */
  configSchema: z.ZodType<C>;
  create(config: C, ctx: SourceContext): Source;
  /**
   * How often this source should be polled, from its config and the platform's limits.
   * The scheduler never polls faster than this.
   */
  pollIntervalMs(config: C, info: { queriesOfThisType: number; crisisOpen: boolean }): number;
}
