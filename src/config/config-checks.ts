// Checks of config values that their shape alone cannot catch, so that `config check`, start-up and reload refuse
// what a stage would otherwise throw on, or silently ignore, later. Each problem names its path.
import { defaultRepeatStrategy } from 'bullmq';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import type { z } from 'zod';
import { KPI_NAMES } from '../analytics/kpis.js';
import { parseClusterSeeds } from '../queue/cluster-seeds.js';
import { parseWebhookUrl, SsrfBlockedError } from '../notify/ssrf-guard.js';
import { databaseUrlProblem, maskCredentials } from '../store/database-url.js';
import type { ConfigProblem } from './config-error.js';
import type { configSchema } from './schema.js';

type BaseConfig = z.output<typeof configSchema>;
type Check = (path: string, problem: string | undefined) => void;

/** Detection reads the last 27 hours of minute rollups (README: keep at least 2 days). */
const MIN_MINUTE_ROLLUP_DAYS = 2;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function timeZoneProblem(timeZone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return undefined;
  } catch {
    return `expected an IANA time zone like Europe/Paris, got "${timeZone}"`;
  }
}

const timeOfDayProblem = (hhmm: string) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(hhmm) ? undefined : `expected a time of day from 00:00 to 23:59, got "${hhmm}"`);

/** Checked by the parser BullMQ schedules with, in UTC: a bad time zone is reported at its own path. */
function cronProblem(pattern: string): string | undefined {
  try {
    if (defaultRepeatStrategy(Date.now(), { pattern, tz: 'UTC' }) !== undefined) return undefined;
    return `expected a cron pattern that fires, got "${pattern}" (it never does)`;
  } catch (error) {
    return `expected a cron pattern (minute hour day-of-month month day-of-week), got "${pattern}" (${(error as Error).message})`;
  }
}

function urlProblem(url: string, schemes: readonly string[], expected: string): string | undefined {
  if (url === '') return undefined;
  try {
    if (schemes.includes(new URL(url).protocol)) return undefined;
  } catch {
    // reported below
  }
  return `${expected}, got "${maskCredentials(url)}"`;
}

function senderProblem(from: string): string | undefined {
  const addresses = addressparser(from, { flatten: true });
  const ok = addresses.length === 1 && /^[^@\s]+@[^@\s]+$/.test(addresses[0].address);
  return ok ? undefined : `expected an address like "Vigie <vigie@example.com>", got "${from}"`;
}

/** Anything but loopback exposes the dashboard to a network: a token is then mandatory (startApi refuses otherwise). */
export function unsafeBindingProblem(api: { host: string; port: number; token: string }): string | undefined {
  if (LOOPBACK_HOSTS.has(api.host) || api.token) return undefined;
  return `expected a token: refusing to listen on ${api.host}:${api.port} without an API token; set api.token (e.g. token: \${VIGIE_API_TOKEN}) or listen on 127.0.0.1`;
}

/**
 * The SSRF guard's own static check: a literal internal address would stop every process that builds the channels.
 * localhost and its subdomains always mean this machine (RFC 6761), so they are refused here too, not at the first
 * crisis; other names are vetted when they are resolved, at each delivery.
 */
function webhookProblem(url: string, allowPrivateNetwork: boolean): string | undefined {
  try {
    const { host, hostname } = parseWebhookUrl(url, allowPrivateNetwork);
    if (!allowPrivateNetwork && /(^|\.)localhost\.?$/i.test(hostname)) throw new SsrfBlockedError(host, hostname, 'loopback');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function entityProblems(config: BaseConfig, check: Check): void {
  const parents = new Map(config.entities.map((e) => [e.id, e.parent]));
  config.entities.forEach((entity, i) => {
    const at = `entities[${i}]`;
    if (entity.timezone !== undefined) check(`${at}.timezone`, timeZoneProblem(entity.timezone));
    if (entity.digest) check(`${at}.digest.pattern`, cronProblem(entity.digest.pattern));
    entity.peers?.forEach((id, j) => {
      if (id === entity.id) check(`${at}.peers[${j}]`, 'expected another entity, not the entity itself');
      else if (!parents.has(id)) check(`${at}.peers[${j}]`, `expected the id of a configured entity, got "${id}"`);
    });
    if (entity.report?.pattern !== undefined) check(`${at}.report.pattern`, cronProblem(entity.report.pattern));
    // A blank term would match every post.
    entity.terms.forEach((term, j) => check(`${at}.terms[${j}]`, term.trim() ? undefined : 'expected a term, got blank space'));
    entity.exclude.forEach((term, j) => check(`${at}.exclude[${j}]`, term.trim() ? undefined : 'expected a term, got blank space'));
    for (const name of Object.keys(entity.norms)) {
      if (!(KPI_NAMES as readonly string[]).includes(name)) check(`${at}.norms.${name}`, `expected one of ${KPI_NAMES.join(', ')}`);
    }
    const seen = new Set<string>();
    for (let id = entity.parent; id !== undefined && !seen.has(id); id = parents.get(id)) {
      seen.add(id);
      if (id === entity.id) check(`${at}.parent`, `expected a chain of parents that ends at a brand, "${entity.id}" is its own ancestor`);
    }
  });
}

function channelProblems(config: BaseConfig, check: Check): void {
  const ids = new Set<string>();
  config.channels.forEach((channel, i) => {
    const at = `channels[${i}]`;
    if (ids.has(channel.id)) check(`${at}.id`, `expected a unique id, "${channel.id}" is used twice`);
    ids.add(channel.id);
    if (channel.type === 'email') check(`${at}.from`, senderProblem(channel.from));
    else check(`${at}.url`, webhookProblem(channel.url, channel.allowPrivateNetwork));
  });
}

export function valueProblems(config: BaseConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check: Check = (path, problem) => {
    if (problem) problems.push({ path, message: problem });
  };
  check('timezone', timeZoneProblem(config.timezone));
  if (config.workspace.timeZone !== undefined) check('workspace.timeZone', timeZoneProblem(config.workspace.timeZone));
  check('database.url', databaseUrlProblem(config.database.url));
  check('database.readUrl', readReplicaProblem(config.database));
  check('redis.url', urlProblem(config.redis.url, ['redis:', 'rediss:'], 'expected redis:// or rediss:// (or nothing: 127.0.0.1:6379)'));
  check('redis.cluster', clusterProblem(config.redis));
  check('redis.prefix', hashTagProblem(config.redis));
  check('api.publicUrl', urlProblem(config.api.publicUrl, ['http:', 'https:'], 'expected the http(s) address people open the dashboard at'));
  check('api.token', unsafeBindingProblem(config.api));
  check('smtp.url', urlProblem(config.smtp.url, ['smtp:', 'smtps:'], 'expected smtp:// or smtps:// (or nothing: emails go to the outbox folder)'));
  check('smtp.from', senderProblem(config.smtp.from));
  entityProblems(config, check);
  channelProblems(config, check);
  const steps = new Set<string>();
  (config.alerts.playbook ?? []).forEach((step, i) => {
    if (steps.has(step.id)) check(`alerts.playbook[${i}].id`, `expected a unique id, "${step.id}" is used twice`);
    steps.add(step.id);
  });
  const quiet = config.alerts.quietHours;
  if (quiet) {
    check('alerts.quietHours.start', timeOfDayProblem(quiet.start));
    check('alerts.quietHours.end', timeOfDayProblem(quiet.end));
    check('alerts.quietHours.timezone', timeZoneProblem(quiet.timezone));
  }
  if (config.retention.minuteRollupsDays < MIN_MINUTE_ROLLUP_DAYS) {
    check('retention.minuteRollupsDays', `expected at least ${MIN_MINUTE_ROLLUP_DAYS}: detection learns how bursty an entity is and how high its usual peaks reach from up to a week of minute rollups, and needs more than a day`);
  }
  return problems;
}

function clusterProblem(redis: BaseConfig['redis']): string | undefined {
  if (redis.cluster === undefined) return undefined;
  if (redis.url) return 'expected either redis.url or redis.cluster, not both';
  try {
    parseClusterSeeds(redis.cluster);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** On a cluster, BullMQ's Lua scripts touch several keys of a queue at once: they must all hash to one slot. */
function hashTagProblem(redis: BaseConfig['redis']): string | undefined {
  if (redis.cluster === undefined || /^[^{]*\{[^}]+\}/.test(redis.prefix)) return undefined;
  return `expected a hash-tagged prefix such as "{vigie}" on a Redis Cluster, got "${redis.prefix}"`;
}

/** A read replica only makes sense beside a PostgreSQL primary (SQLite has one file, read by every process). */
function readReplicaProblem(database: BaseConfig['database']): string | undefined {
  if (!database.readUrl) return undefined;
  if (!/^postgres(ql)?:\/\//i.test(database.readUrl)) return 'expected a postgres:// URL of a read replica (or nothing)';
  if (!/^postgres(ql)?:\/\//i.test(database.url)) return 'a read replica needs database.url to be PostgreSQL too';
  return undefined;
}
