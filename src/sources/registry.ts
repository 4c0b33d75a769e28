// Every connector Vigie knows, by config `type`; builds the configured sources at start-up.
import type { Logger } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { blueskySourceFactory } from './bluesky.js';
import { fileSourceFactory } from './file-source.js';
import { hackerNewsSourceFactory } from './hackernews.js';
import { mastodonSourceFactory } from './mastodon.js';
import { replaySourceFactory } from './replay.js';
import { redditSourceFactory } from './reddit.js';
import { rssSourceFactory } from './rss.js';
import { xSourceFactory } from './x.js';
import { youtubeSourceFactory } from './youtube.js';
import type { BaseSourceConfig, SourceContext, SourceFactory } from './source-factory.js';
import type { Source } from './source.js';

const ALL: SourceFactory<any>[] = [
  fileSourceFactory,
  replaySourceFactory,
  xSourceFactory,
  redditSourceFactory,
  mastodonSourceFactory,
  blueskySourceFactory,
  youtubeSourceFactory,
  rssSourceFactory,
  hackerNewsSourceFactory,
];

export const sourceFactories: ReadonlyMap<string, SourceFactory<any>> = new Map(ALL.map((f) => [f.type, f]));

export interface ConfiguredSource {
  config: BaseSourceConfig;
  factory: SourceFactory<any>;
  source: Source;
}

export function sourceContext(options: { env: Record<string, string | undefined>; now: () => number; logger: Logger }): SourceContext {
  return {
    env: options.env,
    now: options.now,
    logger: options.logger,
    sleep: (ms, signal) => sleep(ms, undefined, { signal }).then(() => undefined),
  };
}

export function buildSources(
  configs: readonly BaseSourceConfig[],
  options: { env: Record<string, string | undefined>; now: () => number; logger: Logger },
): Map<string, ConfiguredSource> {
  const ctx = sourceContext(options);
  const out = new Map<string, ConfiguredSource>();
  for (const config of configs) {
    const factory = sourceFactories.get(config.type);
    if (!factory) throw new Error(`no connector for source type "${config.type}"`); // config validation catches this first
    out.set(config.id, { config, factory, source: factory.create(config, { ...ctx, logger: options.logger.child({ source: config.id }) }) });
  }
  return out;
}
