// A migration interrupted half-way fails with a clear error naming it, and the next start finishes it.
import { afterEach, describe, expect, it } from 'vitest';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import { migrateToLatest, pendingMigrations } from '../../../src/store/migrate.js';
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

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.destroy());

  it('reports an interrupted migration by name and completes it on the next run', async () => {
    t = await createTestDatabase(dialect);
    // createTestDatabase migrates; start again from an empty schema to interrupt a first migration.
    const { store } = t;
    for (const table of ['crisis_checklist', 'crisis_notes', 'crises', 'mention_tags', 'tags', 'models', 'label_events', 'mention_labels', 'erasures', 'digests', 'business_metrics', 'quarantine', 'source_cursors', 'alert_deliveries', 'alerts', 'rollups_minute', 'rollups_hourly', 'mention_entities', 'mentions', 'authors', 'entities', 'kysely_migration', 'kysely_migration_lock']) {
      await store.db.schema.dropTable(table).ifExists().execute();
    }
    const interrupted: typeof store = { ...store, db: store.db.withPlugin(new InterruptAfter(6)) };
    await expect(migrateToLatest(interrupted)).rejects.toThrow(/migration 0001_initial failed: connection lost/);
    expect(await pendingMigrations(store)).toEqual(Object.keys(migrations));

    const results = await migrateToLatest(store);
    expect(results.map((r) => [r.migrationName, r.status])).toEqual(Object.keys(migrations).map((name) => [name, 'Success']));
    expect(await pendingMigrations(store)).toEqual([]);
    await store.db.insertInto('entities').values({ id: 'acme', name: 'Acme', kind: 'brand', parent_id: null, config_json: '{}', updated_at: 1 }).execute();
  });
});
