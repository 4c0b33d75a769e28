// The database tables as kysely sees them. Times are epoch milliseconds (UTC) in every dialect.
import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface EntitiesTable {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  /** The entity's config entry as JSON, kept so reports can show what was watched. */
  config_json: string;
  updated_at: number;
}

export interface AuthorsTable {
  /** `${platform}:${external_id}`: the natural key, so upserts need no lookup. */
  id: string;
  platform: string;
  external_id: string;
  handle: string;
  display_name: string | null;
  description: string | null;
  followers: number;
  following: number | null;
  verified: number;
  /** 1 when the handle is one of an entity's own accounts. */
  is_own: number;
  posts: number;
  engagement_earned: number;
  amplified_count: number;
  influence: number;
  graph_rank: number;
  first_seen_at: number;
  last_seen_at: number;
}

export interface MentionsTable {
  /** `${platform}:${external_id}`. */
  id: string;
  platform: string;
  external_id: string;
  source_id: string;
  url: string | null;
  text: string;
  lang: string;
  published_at: number;
  collected_at: number;
  author_id: string;
  reply_to: string | null;
  quote_of: string | null;
  reshare_of: string | null;
  likes: number;
  reshares: number;
  replies: number;
  quotes: number;
  views: number | null;
  sentiment_label: string;
  sentiment_score: number;
  sentiment_confidence: number;
  sentiment_drivers: string;
  influence: number;
  reach: number;
  risk_flags: string;
  topics: string;
  /** 1 when posted by one of the entities' own accounts (a brand response or advocacy). */
  is_own: number;
  /** When one of the brand's own accounts first replied to this mention. */
  first_response_at: number | null;
}

export interface MentionEntitiesTable {
  mention_id: string;
  entity_id: string;
  published_at: number;
  sentiment_label: string;
  influence: number;
  /** The entity's role in the post's tone (scoring/target-stance.ts TargetRole); the label follows from it. */
  stance: ColumnType<string, string | undefined, string>;
  /** The entity on the other side of the comparison, if any. */
  stance_versus: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Shared by rollups_hourly and rollups_minute: counts per entity x platform x bucket. */
export interface RollupTable {
  entity_id: string;
  platform: string;
  bucket_start: number;
  total: number;
  negative: number;
  neutral: number;
  positive: number;
  engagement: number;
  reach: number;
  negative_reach: number;
  risk_flagged: number;
  sentiment_sum: number;
}

export interface AlertsTable {
  id: string;
  dedup_key: string;
  entity_id: string;
  detectors: string;
  severity: string;
  status: string;
  why: string;
  numbers: string;
  evidence: string;
  phrases: string;
  onset_at: number;
  detected_at: number;
  notified_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  first_response_at: number | null;
  updated_at: number;
  last_fired_at: number;
  /** Last time a detector still reported this crisis. */
  last_seen_at: number;
  /** Since when the series has been back near baseline; null while the crisis goes on. */
  quiet_since: number | null;
  /** The crisis (of the entity's family) this alert belongs to; null for alerts older than the crisis room. */
  crisis_id: string | null;
}

export interface AlertDeliveriesTable {
  /** `${alert_id}:${channel_id}:${event}`: one delivery per alert, channel and event. */
  id: string;
  alert_id: string;
  channel_id: string;
  event: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
  /** The alert's severity this delivery told (or was covered at); null for deliveries older than migration 0004. */
  severity: string | null;
}

export interface SourceCursorsTable {
  source_id: string;
  cursor: string | null;
  updated_at: number;
  last_error: string | null;
}

export interface QuarantineTable {
  /** Hash of source + payload, so the same bad item is kept once. */
  id: string;
  source_id: string;
  platform: string;
  payload: string;
  error: string;
  created_at: number;
}

export interface BusinessMetricsTable {
  entity_id: string;
  day: string;
  name: string;
  value: number;
}

export interface DigestsTable {
  entity_id: string;
  week: string;
  sent_at: number;
  recipients: string;
  message_id: string | null;
}

export interface ErasuresTable {
  id: string;
  platform: string;
  erased_at: number;
  mentions_erased: number;
  /** "request" (vigie forget) or "retention"; never who was erased. */
  reason: string;
}

/** The current human label of a mention, with the machine's reading it replaced. */
export interface MentionLabelsTable {
  mention_id: string;
  label: string;
  labelled_by: string;
  labelled_at: number;
  /** 'dashboard', 'api' or 'import'. */
  source: string;
  machine_label: string;
  machine_score: number;
  machine_confidence: number;
}

/** One change of a label (label null: the label was removed). */
export interface LabelEventsTable {
  id: string;
  mention_id: string;
  label: string | null;
  previous_label: string | null;
  labelled_by: string;
  labelled_at: number;
  source: string;
}

export interface ModelsTable {
  /** `${kind}-${lang}-v${version}`. */
  id: string;
  /** 'sentiment' or 'tags'. */
  kind: string;
  lang: string;
  version: number;
  created_at: number;
  created_by: string;
  /** Labels it was trained on. */
  labels: number;
  cv_macro_f1: number;
  /** The lexicon scorer's macro-F1 on the same labels (for 'tags': 0). */
  lexicon_macro_f1: number;
  /** 1 when it beat the lexicon when trained. */
  adopted: number;
  /** 1 for the model the score workers use. */
  active: number;
  metrics: string;
  model: string;
}

export interface TagsTable {
  id: string;
  name: string;
  description: string;
  /** 'config' or 'api'. */
  source: string;
  created_at: number;
  created_by: string;
}

export interface MentionTagsTable {
  mention_id: string;
  tag_id: string;
  /** 1 when the tag applies; a person may also say 0 (it does not), which the classifier learns from. */
  applies: number;
  /** 'label' (a person) or 'model' (the classifier). */
  source: string;
  confidence: number;
  labelled_by: string | null;
  labelled_at: number;
  published_at: number;
}

/** The team's judgements of a mention (labels, their history, tags): they name the post and go wherever it goes. */
export const MENTION_JUDGEMENT_TABLES = ['mention_labels', 'label_events', 'mention_tags'] as const;

export interface Database {
  entities: EntitiesTable;
  authors: AuthorsTable;
  mentions: MentionsTable;
  mention_entities: MentionEntitiesTable;
  rollups_hourly: RollupTable;
  rollups_minute: RollupTable;
  alerts: AlertsTable;
  alert_deliveries: AlertDeliveriesTable;
  source_cursors: SourceCursorsTable;
  quarantine: QuarantineTable;
  business_metrics: BusinessMetricsTable;
  digests: DigestsTable;
  erasures: ErasuresTable;
  mention_labels: MentionLabelsTable;
  label_events: LabelEventsTable;
  models: ModelsTable;
  tags: TagsTable;
  mention_tags: MentionTagsTable;
  crises: CrisesTable;
  crisis_notes: CrisisNotesTable;
  crisis_checklist: CrisisChecklistTable;
}

/** One crisis of an entity family (migration 0004): its alerts point to it. */
export interface CrisesTable {
  id: string;
  root_entity_id: string;
  status: string;
  owner: string | null;
  owned_at: number | null;
  opened_at: number;
  handled_at: number | null;
  resolved_at: number | null;
  updated_at: number;
}

export interface CrisisNotesTable {
  id: string;
  crisis_id: string;
  author: string;
  text: string;
  created_at: number;
}

export interface CrisisChecklistTable {
  id: string;
  crisis_id: string;
  item_id: string;
  done_at: number | null;
  done_by: string | null;
}

export type MentionRow = Selectable<MentionsTable>;
export type NewMention = Insertable<MentionsTable>;
export type NewMentionEntity = Insertable<MentionEntitiesTable>;
export type NewAuthor = Insertable<AuthorsTable>;
export type AuthorRow = Selectable<AuthorsTable>;
export type AlertRow = Selectable<AlertsTable>;
export type RollupRow = Selectable<RollupTable>;
