// Registers the demo replay as a source type: `type: replay` in config.
import type { SourceFactory } from '../source-factory.js';
import { ReplaySource, replaySourceConfig, type ReplaySourceConfig } from './replay-source.js';

export const replaySourceFactory: SourceFactory<ReplaySourceConfig> = {
  type: 'replay',
  platform: 'replay',
  configSchema: replaySourceConfig,
  create: (config, ctx) => new ReplaySource({ id: config.id, seed: config.seed, speed: config.speed, leadHours: config.leadHours, now: ctx.now }),
  pollIntervalMs: (config) => config.everySeconds * 1000,
};
