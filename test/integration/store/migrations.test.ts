// A migration interrupted half-way fails with a clear error naming it, and the next start finishes it.
import { afterEach, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import { migrateTo, migrateToLatest, pendingMigrations } from '../../../src/store/migrate.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';

/** Lets `allowed` statements through, then fails the next one, as a crash or a lost connection would. */
class InterruptAfter implements KyselyPlugin {
  private seen = 0;
  constructor(private readonly allowed: number) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (args.node.kind === 'CreateTableNode' || args.node.kind === 'CreateIndexNode') {
      if (++this.seen > this.allowed) throw new Error('connection lost');
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * The store with kysely's catalogue read (`introspection.getTables`) failing `times` times with `message`, as a
 * schema that another program drops during that read makes PostgreSQL fail it: the real race is too narrow to hit
 * on demand, and kysely reads the catalogue without plugins, so the read itself is wrapped.
 */
function introspectionFails(store: TestDatabase['store'], times: number, message: string): TestDatabase['store'] {
  const db = new Proxy(store.db, {
    get(target, property) {
      if (property === 'introspection') {
        const real = target.introspection;
        return {
          getSchemas: () => real.getSchemas(),
          getMetadata: (options?: Parameters<typeof real.getMetadata>[0]) => real.getMetadata(options),
          getTables: async (options?: Parameters<typeof real.getTables>[0]) => {
            if (times-- > 0) throw new Error(message);
            return real.getTables(options);
          },
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value; // kysely's private fields need the real this
    },
  });
  return { ...store, db };
}

/** Back to an empty schema: every table the migrations create, and kysely's bookkeeping. */
async function dropEverything(store: TestDatabase['store']): Promise<void> {
  for (const table of ['crisis_checklist', 'crisis_notes', 'crises', 'mention_tags', 'tags', 'models', 'label_events', 'mention_labels', 'erasures', 'digests', 'business_metrics', 'quarantine', 'source_cursors', 'alert_deliveries', 'alerts', 'rollups_minute', 'rollups_hourly', 'mention_entities', 'mentions', 'authors', 'entities', 'kysely_migration', 'kysely_migration_lock']) {
    await store.db.schema.dropTable(table).ifExists().execute();
  }
}

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.destroy());

  it('reports an interrupted migration by name and completes it on the next run', async () => {
    t = await createTestDatabase(dialect);
    // createTestDatabase migrates; start again from an empty schema to interrupt a first migration.
    const { store } = t;
    await dropEverything(store);
    const interrupted: typeof store = { ...store, db: store.db.withPlugin(new InterruptAfter(6)) };
    await expect(migrateToLatest(interrupted)).rejects.toThrow(/migration 0001_initial failed: connection lost/);
    expect(await pendingMigrations(store)).toEqual(Object.keys(migrations));

    const results = await migrateToLatest(store);
    expect(results.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((name) => [name, 'Success']));
    expect(await pendingMigrations(store)).toEqual([]);
    await store.db.insertInto('entities').values({ id: 'acme', name: 'Acme', kind: 'brand', parent_id: null, config_json: '{}', updated_at: 1 }).execute();
  });
});

describe('migrations on postgres beside another program', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.destroy());

  it('reads the catalogue again when another schema went during the read, and fails at once on any other error', async () => {
    t = await createTestDatabase('postgres');
    const { store } = t;
    await dropEverything(store);
    const names = Object.keys(migrations);
    const racing = introspectionFails(store, 3, 'schema "t_gone" does not exist');
    const results = await migrateTo(racing, names[0]);
    expect(results.map((r) => [r.migrationName, r.status])).toEqual([[names[0], 'Success']]);
    expect(await pendingMigrations(store)).toEqual(names.slice(1));

    const denied = introspectionFails(store, 1, 'permission denied for schema t_other');
    await expect(migrateToLatest(denied)).rejects.toThrow(/migration \? failed: permission denied/);
    expect(await pendingMigrations(store)).toEqual(names.slice(1));
  });
});
