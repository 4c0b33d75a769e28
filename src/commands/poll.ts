// `vigie poll <sourceId>`: one poll of one configured source, as the collect stage runs it, printed instead of stored.
import { loadConfigFile, type VigieConfig } from '../config/load-config.js';
import { createEntityMatcher, entitiesOfMention } from '../domain/entity-matcher.js';
import type { MentionInput } from '../domain/mention.js';
import { createLogger } from '../logger.js';
import { describeFailures } from '../stages/collect.js';
import { oneLineError } from '../sources/http/stream-failure.js';
import { buildSources } from '../sources/registry.js';
import { addXReads } from '../queue/x-read-counter.js';
import { xPostsRead } from '../sources/x.js';
import { withRedis } from './with-redis.js';

export interface PollOptions {
  json: boolean;
  /** Start from this cursor (as stored in source_cursors) instead of a first run. */
  cursor?: string;
}

export interface PollOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** A mention in the shape the store keeps it, every field present (null when the platform gave none), plus its entities. */
export function pollLine(m: MentionInput, entities: string[]) {
  return {
    platform: m.platform,
    externalId: m.externalId,
    url: m.url ?? null,
    text: m.text,
    publishedAt: m.publishedAt,
    author: { externalId: m.author.externalId, handle: m.author.handle, displayName: m.author.displayName ?? null, followers: m.author.followers },
    engagement: { likes: m.engagement.likes, reshares: m.engagement.reshares, replies: m.engagement.replies, quotes: m.engagement.quotes },
    replyTo: m.replyTo ?? null,
    quoteOf: m.quoteOf ?? null,
    reshareOf: m.reshareOf ?? null,
    langHint: m.langHint ?? null,
    entities,
  };
}

function humanLine(m: MentionInput, entities: string[]): string {
  const text = m.text.replace(/\s+/g, ' ');
  return `${m.publishedAt} @${m.author.handle} [${entities.join(',') || 'dropped: names no entity'}] ${text.length > 120 ? `${text.slice(0, 119)}…` : text}`;
}

/**
 * Polls once without storing anything or moving the cursor. Every mention the platform returned is printed (the ones
 * the collect stage would drop have no entities); quarantined items go to stderr. Returns the exit code: 0, or 1 with
 * a one-line reason on stderr when the poll, or one of its streams, failed.
 */
export async function runPoll(configPath: string, sourceId: string, options: PollOptions, output: PollOutput = { out: console.log, err: console.error }): Promise<number> {
  const config = loadConfigFile(configPath);
  const sourceConfig = config.sources.find((s) => s.id === sourceId);
  if (!sourceConfig) {
    output.err(`vigie poll: no source "${sourceId}" in ${configPath} (configured: ${config.sources.map((s) => s.id).join(', ') || 'none'})`);
    return 1;
  }
  // Logs go to stderr so stdout stays JSON lines.
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: process.stderr });
  const { source } = buildSources([sourceConfig], { env: process.env, now: Date.now, logger }).get(sourceId)!;
  const matcher = createEntityMatcher(config.entities);
  let result;
  try {
    result = await source.fetch(options.cursor ?? null);
  } catch (error) {
    await countXReads(config, xPostsRead(error), output);
    output.err(`vigie poll ${sourceId}: ${oneLineError(error)}`);
    return 1;
  }
  await countXReads(config, xPostsRead(result), output);
  for (const m of result.mentions) {
    const entities = entitiesOfMention(matcher, m, sourceConfig.entities);
    output.out(options.json ? JSON.stringify(pollLine(m, entities)) : humanLine(m, entities));
  }
  for (const q of result.quarantined) output.err(JSON.stringify({ quarantined: q.error }));
  if (result.failures?.length) {
    output.err(`vigie poll ${sourceId}: ${result.failures.length} stream(s) failed: ${describeFailures(result.failures)}`);
    return 1;
  }
  return 0;
}

/**
 * X bills every post read against the month's budget, a check by hand included: counted like the collect stage counts
 * its polls, so the pacing and `vigie doctor` see them. Without Redis the reads are reported instead of lost silently.
 */
async function countXReads(config: VigieConfig, posts: number, output: PollOutput): Promise<void> {
  if (posts <= 0) return;
  try {
    await withRedis(config, (redis) => addXReads(redis, config.redis.prefix, posts, Date.now()));
  } catch (error) {
    output.err(`vigie poll: ${posts} X posts read, not added to this month's count (Redis: ${oneLineError(error)}); the X budget pacing does not know of them`);
  }
}
