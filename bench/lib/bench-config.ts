// Writes the config file the bench's Vigie processes run with: the demo's entities, the bench's services, no sources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { parseConfig, type VigieConfig } from '../../src/config/load-config.js';
import { entitySchema, type EntityConfig } from '../../src/config/schema.js';
import { REDIS_URL, REPO_DIR, RESULTS_DIR } from './services.js';

/** The demo scenario's brand, product, CEO and competitors: the texts the bench replays name them. */
export function demoEntities(): EntityConfig[] {
  const demo = parse(readFileSync(join(REPO_DIR, 'config', 'demo.yaml'), 'utf8')) as { entities: unknown[] };
  return demo.entities.map((e) => entitySchema.parse(e));
}

export interface BenchConfigOptions {
  name: string;
  databaseUrl: string;
  redisPrefix: string;
  entities?: EntityConfig[];
  smtpUrl?: string;
  /** Seed nodes ("host:port") of a Redis Cluster to use instead of REDIS_URL. */
  redisCluster?: string[];
  /** Alert email recipients; no channel when omitted. */
  alertEmail?: string;
}

/** Returns the file's path and the parsed config (as every process will see it). */
export function writeBenchConfig(o: BenchConfigOptions): { path: string; config: VigieConfig } {
  const dir = join(RESULTS_DIR, 'tmp', o.name);
  mkdirSync(dir, { recursive: true });
  const entities = (o.entities ?? demoEntities()).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)));
  const doc = {
    dataDir: dir,
    database: { url: o.databaseUrl },
    redis: o.redisCluster ? { cluster: o.redisCluster, prefix: o.redisPrefix } : { url: REDIS_URL, prefix: o.redisPrefix },
    smtp: { url: o.smtpUrl ?? '', outboxDir: join(dir, 'outbox') },
    api: { publicUrl: 'http://vigie.bench' },
    entities,
    channels: o.alertEmail ? [{ id: 'bench-email', type: 'email', to: [o.alertEmail], from: 'Vigie <vigie@bench.test>' }] : [],
  };
  const path = join(dir, 'vigie.yaml');
  const text = stringify(doc);
  writeFileSync(path, text);
  return { path, config: parseConfig(text, path, {}) };
}
