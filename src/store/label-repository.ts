// The team's sentiment labels: applied at once to the mention, its entity links and the rollups, exactly once.
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { SentimentLabel } from '../domain/mention.js';
import { linkLabel, linkScore, TARGET_ROLES, type TargetRole } from '../scoring/target-stance.js';
import { bulkInserts } from './bulk-insert.js';
import { chunkRows } from './chunk.js';
import type { DialectName, Store } from './database.js';
import { RollupAccumulator } from './rollup-writer.js';
import type { Database } from './tables.js';

export type LabelSource = 'dashboard' | 'api' | 'import';
export const LABEL_SOURCES: readonly LabelSource[] = ['dashboard', 'api', 'import'];

export interface LabelInput {
  mentionId: string;
  /** null removes the label: the machine's reading is back. */
  label: SentimentLabel | null;
  by: string;
  source: LabelSource;
  at: number;
}

export interface LabelOutcome {
  mentionId: string;
  /** 'unchanged': the mention already had this label (a repeat changes nothing, twice or a hundred times). */
  status: 'changed' | 'unchanged' | 'unknown-mention';
  /** The label now in effect (human or machine). */
  effective?: SentimentLabel;
}

/**
 * A corrected label carries this score in averages when it disagrees with the scorer's sign; when it agrees, the
 * scorer's finer score is kept. A mid-strength value: a person says "negative", not how negative.
 */
const LABEL_SCORE: Record<SentimentLabel, number> = { negative: -0.5, neutral: 0, positive: 0.5 };

interface Reading {
  label: SentimentLabel;
  score: number;
  confidence: number;
}

interface MentionState {
  id: string;
  platform: string;
  publishedAt: number;
  isOwn: boolean;
  engagement: number;
  reach: number;
  riskFlagged: boolean;
  /** Its entity links: each one's role in the tone, and the label it was counted with. */
  links: { entityId: string; role: TargetRole; label: SentimentLabel }[];
  /** What the mention says now (before this call). */
  stored: Reading;
  /** The scorer's own reading. */
  machine: Reading;
  human: { label: SentimentLabel; by: string; at: number; source: LabelSource } | null;
  /** Set when this call changed its label. */
  touched: boolean;
}

/** The reading in effect for a mention with this human label (or none). */
export function effectiveReading(machine: Reading, human: SentimentLabel | null): Reading {
  if (human === null) return machine;
  const score = human === machine.label ? machine.score : LABEL_SCORE[human];
  return { label: human, score, confidence: 1 };
}

/**
 * Applies labels in order (a later one for the same mention wins), in one transaction. The mention's stored
 * sentiment, its entity links and the hourly/minute rollups move from the old reading to the new one, so KPIs,
 * digests, alert evidence and exports all read the corrected label; a label equal to the current one changes nothing.
 */
export async function applyLabels(store: Pick<Store, 'db' | 'dialect'>, inputs: readonly LabelInput[]): Promise<LabelOutcome[]> {
  if (inputs.length === 0) return [];
  return store.db.transaction().execute(async (trx) => {
    const states = await loadStates(trx, store.dialect, [...new Set(inputs.map((i) => i.mentionId))]);
    const events: Database['label_events'][] = [];
    const outcomes = inputs.map((input): LabelOutcome => {
      const s = states.get(input.mentionId);
      if (!s) return { mentionId: input.mentionId, status: 'unknown-mention' };
      const current = s.human?.label ?? null;
      if (current === input.label) return { mentionId: s.id, status: 'unchanged', effective: effectiveReading(s.machine, current).label };
      s.human = input.label === null ? null : { label: input.label, by: input.by, at: input.at, source: input.source };
      s.touched = true;
      events.push({ id: randomUUID(), mention_id: s.id, label: input.label, previous_label: current, labelled_by: input.by, labelled_at: input.at, source: input.source });
      return { mentionId: s.id, status: 'changed', effective: effectiveReading(s.machine, input.label).label };
    });
    const rollups = new RollupAccumulator();
    await writeStates(trx, store.dialect, [...states.values()].filter((s) => s.touched), rollups);
    await rollups.apply(trx);
    for (const chunk of chunkRows(events, 7)) await trx.insertInto('label_events').values(chunk).execute();
    return outcomes;
  });
}

async function loadStates(trx: Transaction<Database>, dialect: DialectName, ids: string[]): Promise<Map<string, MentionState>> {
  const states = new Map<string, MentionState>();
  for (const chunk of chunkRows(ids, 1, 500)) {
    let q = trx
      .selectFrom('mentions')
      .select(['id', 'platform', 'published_at', 'is_own', 'likes', 'reshares', 'replies', 'quotes', 'reach', 'risk_flags', 'sentiment_label', 'sentiment_score', 'sentiment_confidence'])
      .where('id', 'in', chunk);
    // Two people labelling the same mention at once: the second waits, then sees the first one's label.
    if (dialect === 'postgres') q = q.forUpdate();
    const rows = await q.execute();
    const labels = await trx.selectFrom('mention_labels').selectAll().where('mention_id', 'in', chunk).execute();
    const labelOf = new Map(labels.map((l) => [l.mention_id, l]));
    const links = new Map<string, MentionState['links']>();
    for (const l of await trx.selectFrom('mention_entities').select(['mention_id', 'entity_id', 'stance', 'sentiment_label']).where('mention_id', 'in', chunk).execute()) {
      const link = { entityId: l.entity_id, role: asRole(l.stance), label: l.sentiment_label as SentimentLabel };
      links.set(l.mention_id, [...(links.get(l.mention_id) ?? []), link]);
    }
    for (const r of rows) {
      const stored: Reading = { label: r.sentiment_label as SentimentLabel, score: r.sentiment_score, confidence: r.sentiment_confidence };
      const l = labelOf.get(r.id);
      states.set(r.id, {
        id: r.id,
        platform: r.platform,
        publishedAt: Number(r.published_at),
        isOwn: r.is_own === 1,
        engagement: r.likes + r.reshares + r.replies + r.quotes,
        reach: Number(r.reach),
        riskFlagged: r.risk_flags !== '[]',
        links: links.get(r.id) ?? [],
        stored,
        machine: l ? { label: l.machine_label as SentimentLabel, score: l.machine_score, confidence: l.machine_confidence } : stored,
        human: l ? { label: l.label as SentimentLabel, by: l.labelled_by, at: Number(l.labelled_at), source: l.source as LabelSource } : null,
        touched: false,
      });
    }
  }
  return states;
}

/** A stance this version does not know (written by a newer one) reads as the post's own tone. */
const asRole = (stance: string): TargetRole => ((TARGET_ROLES as readonly string[]).includes(stance) ? (stance as TargetRole) : 'direct');

/**
 * Writes the touched mentions' new state in few statements: label rows in bulk, and the mentions and entity links
 * updated per distinct reading (a bulk import of 5,000 labels has a handful of them), so PostgreSQL is not paid one
 * round trip per mention.
 */
async function writeStates(trx: Transaction<Database>, dialect: DialectName, states: readonly MentionState[], rollups: RollupAccumulator): Promise<void> {
  const removed = states.filter((s) => s.human === null).map((s) => s.id);
  for (const chunk of chunkRows(removed, 1, 1000)) await trx.deleteFrom('mention_labels').where('mention_id', 'in', chunk).execute();
  const rows = states.flatMap((s) =>
    s.human === null
      ? []
      : [{
          mention_id: s.id,
          label: s.human.label,
          labelled_by: s.human.by,
          labelled_at: s.human.at,
          source: s.human.source,
          machine_label: s.machine.label,
          machine_score: s.machine.score,
          machine_confidence: s.machine.confidence,
        }],
  );
  for (const insert of bulkInserts(trx, dialect, 'mention_labels', rows)) {
    await insert
      .onConflict((oc) =>
        oc.column('mention_id').doUpdateSet((eb) => ({
          label: eb.ref('excluded.label'),
          labelled_by: eb.ref('excluded.labelled_by'),
          labelled_at: eb.ref('excluded.labelled_at'),
          source: eb.ref('excluded.source'),
        })),
      )
      .execute();
  }

  const byReading = new Map<string, { reading: Reading; ids: string[]; relabelled: string[] }>();
  for (const s of states) {
    const next = effectiveReading(s.machine, s.human?.label ?? null);
    if (next.label === s.stored.label && next.score === s.stored.score && next.confidence === s.stored.confidence) continue;
    const key = `${next.label}\u0000${next.score}\u0000${next.confidence}`;
    const group = byReading.get(key) ?? { reading: next, ids: [], relabelled: [] };
    group.ids.push(s.id);
    if (next.label !== s.stored.label) group.relabelled.push(s.id);
    byReading.set(key, group);
    // The brand's own posts are in no rollup (see storeMentions), so they have nothing to move.
    if (s.isOwn || (next.label === s.stored.label && next.score === s.stored.score)) continue;
    // A correction is of the post's tone; each link's label follows from its role (target-stance.ts), so a post that
    // praised a competitor at the brand's expense, corrected to negative, still hurts the brand and not the competitor.
    // Each link leaves the rollups with what it was counted with and comes back with its re-derived label.
    const contribution = { platform: s.platform, publishedAt: s.publishedAt, engagement: s.engagement, reach: s.reach, riskFlagged: s.riskFlagged };
    rollups.addMention({ ...contribution, entities: s.links.map((l) => ({ entityId: l.entityId, label: l.label, sentimentScore: linkScore(l.label, s.stored) })) }, -1);
    rollups.addMention({ ...contribution, entities: s.links.map((l) => {
      const label = linkLabel(l.role, next.label);
      return { entityId: l.entityId, label, sentimentScore: linkScore(label, next) };
    }) }, 1);
  }
  for (const { reading, ids, relabelled } of byReading.values()) {
    for (const chunk of chunkRows(ids, 1, 1000)) {
      await trx.updateTable('mentions').set({ sentiment_label: reading.label, sentiment_score: reading.score, sentiment_confidence: reading.confidence }).where('id', 'in', chunk).execute();
    }
    const relabelledIds = new Set(relabelled);
    const roles = new Set(states.filter((s) => relabelledIds.has(s.id)).flatMap((s) => s.links.map((l) => l.role)));
    for (const chunk of chunkRows(relabelled, 1, 1000)) {
      for (const role of roles) {
        let q = trx.updateTable('mention_entities').set({ sentiment_label: linkLabel(role, reading.label) }).where('mention_id', 'in', chunk);
        // Links of a stance this version does not know were relabelled as 'direct' above.
        q = role === 'direct' ? q.where((eb) => eb.or([eb('stance', '=', 'direct'), eb('stance', 'not in', TARGET_ROLES.filter((r) => r !== 'direct'))])) : q.where('stance', '=', role);
        await q.execute();
      }
    }
  }
}

export interface StoredLabel {
  mentionId: string;
  label: SentimentLabel;
  by: string;
  at: number;
  source: LabelSource;
  machineLabel: SentimentLabel;
  machineConfidence: number;
}

/** The labels of the given mentions (those without one are absent). */
export async function labelsOf(db: Kysely<Database>, mentionIds: readonly string[]): Promise<Map<string, StoredLabel>> {
  const out = new Map<string, StoredLabel>();
  for (const chunk of chunkRows([...mentionIds], 1, 500)) {
    const rows = await db.selectFrom('mention_labels').selectAll().where('mention_id', 'in', chunk).execute();
    for (const r of rows) out.set(r.mention_id, toStoredLabel(r));
  }
  return out;
}

const toStoredLabel = (r: Database['mention_labels']): StoredLabel => ({
  mentionId: r.mention_id,
  label: r.label as SentimentLabel,
  by: r.labelled_by,
  at: Number(r.labelled_at),
  source: r.source as LabelSource,
  machineLabel: r.machine_label as SentimentLabel,
  machineConfidence: r.machine_confidence,
});

export interface LabelledMention extends StoredLabel {
  text: string;
  lang: string;
  platform: string;
  publishedAt: number;
}

/** Every label with its mention's text, oldest label first, page by page (for export and training). */
export async function* labelledMentions(db: Kysely<Database>, opts: { lang?: string; pageSize?: number } = {}): AsyncGenerator<LabelledMention[]> {
  const pageSize = opts.pageSize ?? 1000;
  let after: { at: number; id: string } | undefined;
  for (;;) {
    let q = db
      .selectFrom('mention_labels as l')
      .innerJoin('mentions as m', 'm.id', 'l.mention_id')
      .selectAll('l')
      .select(['m.text', 'm.lang', 'm.platform', 'm.published_at']);
    if (opts.lang) q = q.where('m.lang', '=', opts.lang);
    if (after) {
      const { at, id } = after;
      q = q.where((eb) => eb.or([eb('l.labelled_at', '>', at), eb.and([eb('l.labelled_at', '=', at), eb('l.mention_id', '>', id)])]));
    }
    const rows = await q.orderBy('l.labelled_at').orderBy('l.mention_id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...toStoredLabel(r), text: r.text, lang: r.lang, platform: r.platform, publishedAt: Number(r.published_at) }));
    const last = rows[rows.length - 1];
    after = { at: Number(last.labelled_at), id: last.mention_id };
    if (rows.length < pageSize) return;
  }
}

/** How many labels there are, and how many arrived after a time (to decide whether to retrain). */
export async function countLabels(db: Kysely<Database>, since = 0): Promise<{ total: number; since: number }> {
  const row = await db
    .selectFrom('mention_labels')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(eb.case().when('labelled_at', '>', since).then(1).else(0).end()).as('recent')])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), since: Number(row.recent ?? 0) };
}

export interface RecentLabel extends StoredLabel {
  text: string;
  platform: string;
  url: string | null;
  authorHandle: string;
}

/** The latest labels, newest first, for the Labels page. */
export async function recentLabels(db: Kysely<Database>, limit = 100): Promise<RecentLabel[]> {
  const rows = await db
    .selectFrom('mention_labels as l')
    .innerJoin('mentions as m', 'm.id', 'l.mention_id')
    .innerJoin('authors as a', 'a.id', 'm.author_id')
    .selectAll('l')
    .select(['m.text', 'm.platform', 'm.url', 'a.handle'])
    .orderBy('l.labelled_at', 'desc')
    .orderBy('l.mention_id')
    .limit(Math.min(Math.max(limit, 1), 500))
    .execute();
  return rows.map((r) => ({ ...toStoredLabel(r), text: r.text, platform: r.platform, url: r.url, authorHandle: r.handle }));
}

/** Per language: the labels, and how often the scorer's reading (when the label was set) agreed, as confusion counts. */
export async function labelAgreement(db: Kysely<Database>): Promise<{ lang: string; label: string; machine: string; n: number }[]> {
  const rows = await db
    .selectFrom('mention_labels as l')
    .innerJoin('mentions as m', 'm.id', 'l.mention_id')
    .select((eb) => ['m.lang', 'l.label', 'l.machine_label', eb.fn.countAll<number>().as('n')])
    .groupBy(['m.lang', 'l.label', 'l.machine_label'])
    .execute();
  return rows.map((r) => ({ lang: r.lang, label: r.label, machine: r.machine_label, n: Number(r.n) }));
}
