// The data model of DESIGN.md. Every statement is IF NOT EXISTS so that a half-applied run can be re-run.
import type { Kysely } from 'kysely';

const time = 'bigint';
const real = 'double precision';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('entities')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('config_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('authors')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('description', 'text')
    .addColumn('followers', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('following', 'bigint')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_own', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('engagement_earned', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('amplified_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('influence', real, (c) => c.notNull().defaultTo(0))
    .addColumn('graph_rank', real, (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('authors_platform_handle').ifNotExists().on('authors').columns(['platform', 'handle']).execute();

  await db.schema
    .createTable('mentions')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('published_at', time, (c) => c.notNull())
    .addColumn('collected_at', time, (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('quote_of', 'text')
    .addColumn('reshare_of', 'text')
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reshares', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('replies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quotes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('views', 'bigint')
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('sentiment_score', real, (c) => c.notNull())
    .addColumn('sentiment_confidence', real, (c) => c.notNull())
    .addColumn('sentiment_drivers', 'text', (c) => c.notNull())
    .addColumn('influence', real, (c) => c.notNull())
    .addColumn('reach', 'bigint', (c) => c.notNull())
    .addColumn('risk_flags', 'text', (c) => c.notNull())
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('is_own', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_response_at', time)
    .execute();
  await db.schema.createIndex('mentions_platform_external').ifNotExists().unique().on('mentions').columns(['platform', 'external_id']).execute();
  await db.schema.createIndex('mentions_published').ifNotExists().on('mentions').column('published_at').execute();
  await db.schema.createIndex('mentions_author').ifNotExists().on('mentions').column('author_id').execute();
  await db.schema.createIndex('mentions_reply_to').ifNotExists().on('mentions').column('reply_to').execute();

  await db.schema
    .createTable('mention_entities')
    .ifNotExists()
    .addColumn('mention_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('published_at', time, (c) => c.notNull())
    .addColumn('sentiment_label', 'text', (c) => c.notNull())
    .addColumn('influence', real, (c) => c.notNull())
    .addPrimaryKeyConstraint('mention_entities_pk', ['mention_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('mention_entities_entity_time').ifNotExists().on('mention_entities').columns(['entity_id', 'published_at']).execute();

  for (const table of ['rollups_hourly', 'rollups_minute']) {
    await db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('platform', 'text', (c) => c.notNull())
      .addColumn('bucket_start', time, (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('negative', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('neutral', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('positive', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('engagement', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('reach', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('negative_reach', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('risk_flagged', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sentiment_sum', real, (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint(`${table}_pk`, ['entity_id', 'bucket_start', 'platform'])
      .execute();
  }

  await db.schema
    .createTable('alerts')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dedup_key', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('detectors', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('numbers', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('phrases', 'text', (c) => c.notNull())
    .addColumn('onset_at', time, (c) => c.notNull())
    .addColumn('detected_at', time, (c) => c.notNull())
    .addColumn('notified_at', time)
    .addColumn('acknowledged_at', time)
    .addColumn('acknowledged_by', 'text')
    .addColumn('resolved_at', time)
    .addColumn('first_response_at', time)
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('last_fired_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addColumn('quiet_since', time)
    .execute();
  await db.schema.createIndex('alerts_entity_status').ifNotExists().on('alerts').columns(['entity_id', 'status']).execute();
  await db.schema.createIndex('alerts_dedup_key').ifNotExists().unique().on('alerts').column('dedup_key').execute();

  await db.schema
    .createTable('alert_deliveries')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('delivered_at', time)
    .execute();
  await db.schema.createIndex('alert_deliveries_alert').ifNotExists().on('alert_deliveries').column('alert_id').execute();

  await db.schema
    .createTable('source_cursors')
    .ifNotExists()
    .addColumn('source_id', 'text', (c) => c.primaryKey())
    .addColumn('cursor', 'text')
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('quarantine')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('error', 'text', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('business_metrics')
    .ifNotExists()
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addPrimaryKeyConstraint('business_metrics_pk', ['entity_id', 'day', 'name'])
    .execute();

  await db.schema
    .createTable('digests')
    .ifNotExists()
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('sent_at', time, (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addPrimaryKeyConstraint('digests_pk', ['entity_id', 'week'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'digests', 'business_metrics', 'quarantine', 'source_cursors', 'alert_deliveries', 'alerts',
    'rollups_minute', 'rollups_hourly', 'mention_entities', 'mentions', 'authors', 'entities',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
