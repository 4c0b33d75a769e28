// Keeps the entities table in step with config, so reports and joins know what is watched.
import type { Kysely } from 'kysely';
import type { EntityConfig } from '../config/schema.js';
import type { Database } from './tables.js';

export async function syncEntities(db: Kysely<Database>, entities: readonly EntityConfig[], now = Date.now()): Promise<void> {
  if (entities.length === 0) return;
  await db
    .insertInto('entities')
    .values(entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind, parent_id: e.parent ?? null, config_json: JSON.stringify(e), updated_at: now })))
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        kind: eb.ref('excluded.kind'),
        parent_id: eb.ref('excluded.parent_id'),
        config_json: eb.ref('excluded.config_json'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}
