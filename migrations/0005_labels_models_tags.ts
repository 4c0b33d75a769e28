// The team's corrections (sentiment labels with who and when), trained models with their versions, and custom tags.
// Every statement is IF NOT EXISTS so that a half-applied run can be re-run.
import type { Kysely } from 'kysely';

const time = 'bigint';
const real = 'double precision';

export async function up(db: Kysely<any>): Promise<void> {
  // The current human label of a mention. The machine's reading is kept beside it, so that removing a label
  // restores exactly what the scorer said, and so that the lexicon can be measured against the team's labels.
  await db.schema
    .createTable('mention_labels')
    .ifNotExists()
    .addColumn('mention_id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('labelled_by', 'text', (c) => c.notNull())
    .addColumn('labelled_at', time, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('machine_label', 'text', (c) => c.notNull())
    .addColumn('machine_score', real, (c) => c.notNull())
    .addColumn('machine_confidence', real, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mention_labels_labelled_at').ifNotExists().on('mention_labels').column('labelled_at').execute();

  // Every change of a label, for the audit trail ("who said this was negative, and when").
  await db.schema
    .createTable('label_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mention_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('previous_label', 'text')
    .addColumn('labelled_by', 'text', (c) => c.notNull())
    .addColumn('labelled_at', time, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('label_events_mention').ifNotExists().on('label_events').columns(['mention_id', 'labelled_at']).execute();

  // Trained models, versioned per kind and language; at most one active per (kind, lang), kept so rollback is instant.
  await db.schema
    .createTable('models')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('labels', 'integer', (c) => c.notNull())
    .addColumn('cv_macro_f1', real, (c) => c.notNull())
    .addColumn('lexicon_macro_f1', real, (c) => c.notNull())
    .addColumn('adopted', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('metrics', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('models_kind_lang_version').ifNotExists().unique().on('models').columns(['kind', 'lang', 'version']).execute();

  // Tags the team defined (from the config or the API).
  await db.schema
    .createTable('tags')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  // A tag on a mention: set by a person (source 'label', applies 0 or 1) or by the classifier (source 'model').
  // A person's answer is never overwritten by the classifier.
  await db.schema
    .createTable('mention_tags')
    .ifNotExists()
    .addColumn('mention_id', 'text', (c) => c.notNull())
    .addColumn('tag_id', 'text', (c) => c.notNull())
    .addColumn('applies', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence', real, (c) => c.notNull())
    .addColumn('labelled_by', 'text')
    .addColumn('labelled_at', time, (c) => c.notNull())
    .addColumn('published_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('mention_tags_pk', ['mention_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('mention_tags_tag_time').ifNotExists().on('mention_tags').columns(['tag_id', 'published_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['mention_tags', 'tags', 'models', 'label_events', 'mention_labels']) await db.schema.dropTable(table).ifExists().execute();
}
