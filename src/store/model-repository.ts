// Trained models, versioned per kind and language: save (adopting or not), list, the active ones, rollback.
import type { Kysely } from 'kysely';
import type { SentimentLabel } from '../domain/mention.js';
import { classificationScores, labelsStillNeeded } from '../scoring/learning/index.js';
import { modelLanguage } from '../scoring/learning/sentiment-model.js';
import { labelAgreement } from './label-repository.js';
import type { Database, ModelsTable } from './tables.js';

export type ModelKind = 'sentiment' | 'tags';

export interface ModelInfo {
  id: string;
  kind: ModelKind;
  lang: string;
  version: number;
  createdAt: number;
  createdBy: string;
  labels: number;
  cvMacroF1: number;
  lexiconMacroF1: number;
  adopted: boolean;
  active: boolean;
  metrics: Record<string, unknown>;
}

export interface NewModel {
  kind: ModelKind;
  lang: string;
  createdBy: string;
  createdAt: number;
  labels: number;
  cvMacroF1: number;
  lexiconMacroF1: number;
  /** Made the active model of its kind and language (the others of that kind and language stop being active). */
  adopted: boolean;
  metrics: Record<string, unknown>;
  /** The serialised model. */
  model: string;
}

const toInfo = (r: Omit<ModelsTable, 'model'>): ModelInfo => ({
  id: r.id,
  kind: r.kind as ModelKind,
  lang: r.lang,
  version: Number(r.version),
  createdAt: Number(r.created_at),
  createdBy: r.created_by,
  labels: Number(r.labels),
  cvMacroF1: r.cv_macro_f1,
  lexiconMacroF1: r.lexicon_macro_f1,
  adopted: r.adopted === 1,
  active: r.active === 1,
  metrics: JSON.parse(r.metrics) as Record<string, unknown>,
});

const INFO_COLUMNS = ['id', 'kind', 'lang', 'version', 'created_at', 'created_by', 'labels', 'cv_macro_f1', 'lexicon_macro_f1', 'adopted', 'active', 'metrics'] as const;

export const modelId = (kind: string, lang: string, version: number) => `${kind}-${lang}-v${version}`;

/** Stores a new version; when adopted it becomes the active one, in the same transaction. */
export async function saveModel(db: Kysely<Database>, m: NewModel): Promise<ModelInfo> {
  return db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('models').select((eb) => eb.fn.max('version').as('v')).where('kind', '=', m.kind).where('lang', '=', m.lang).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    if (m.adopted) await trx.updateTable('models').set({ active: 0 }).where('kind', '=', m.kind).where('lang', '=', m.lang).execute();
    const row: ModelsTable = {
      id: modelId(m.kind, m.lang, version),
      kind: m.kind,
      lang: m.lang,
      version,
      created_at: m.createdAt,
      created_by: m.createdBy,
      labels: m.labels,
      cv_macro_f1: m.cvMacroF1,
      lexicon_macro_f1: m.lexiconMacroF1,
      adopted: m.adopted ? 1 : 0,
      active: m.adopted ? 1 : 0,
      metrics: JSON.stringify(m.metrics),
      model: m.model,
    };
    await trx.insertInto('models').values(row).execute();
    return toInfo(row);
  });
}

export async function listModels(db: Kysely<Database>, kind?: ModelKind): Promise<ModelInfo[]> {
  let q = db.selectFrom('models').select([...INFO_COLUMNS]);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('kind').orderBy('lang').orderBy('version', 'desc').execute();
  return rows.map(toInfo);
}

/** The active models of a kind with their serialised form, one per language. */
export async function activeModels(db: Kysely<Database>, kind: ModelKind): Promise<{ info: ModelInfo; model: string }[]> {
  const rows = await db.selectFrom('models').selectAll().where('kind', '=', kind).where('active', '=', 1).orderBy('lang').execute();
  return rows.map((r) => ({ info: toInfo(r), model: r.model }));
}

/** Which models are active, as one string: a worker that sees it change reloads them. */
export async function activeModelsStamp(db: Kysely<Database>): Promise<string> {
  const rows = await db.selectFrom('models').select('id').where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => r.id).join(',');
}

/**
 * Makes a stored version the active one of its kind and language (any version, adopted or not: the team decides).
 * `lexicon` with a kind and language deactivates them all: the scorer's default is back.
 */
export async function activateModel(db: Kysely<Database>, target: { id: string } | { kind: ModelKind; lang: string; lexicon: true }): Promise<ModelInfo | null> {
  return db.transaction().execute(async (trx) => {
    if ('lexicon' in target) {
      await trx.updateTable('models').set({ active: 0 }).where('kind', '=', target.kind).where('lang', '=', target.lang).execute();
      return null;
    }
    const row = await trx.selectFrom('models').select([...INFO_COLUMNS]).where('id', '=', target.id).executeTakeFirst();
    if (!row) throw new Error(`no model has the id "${target.id}" (see vigie model list)`);
    await trx.updateTable('models').set({ active: 0 }).where('kind', '=', row.kind).where('lang', '=', row.lang).execute();
    await trx.updateTable('models').set({ active: 1 }).where('id', '=', row.id).execute();
    return toInfo({ ...row, active: 1 });
  });
}

/** When the last model of a kind was trained (0 if never): labels after it count toward retraining. */
export async function lastTrainedAt(db: Kysely<Database>, kind: ModelKind): Promise<number> {
  const row = await db.selectFrom('models').select((eb) => eb.fn.max('created_at').as('t')).where('kind', '=', kind).executeTakeFirst();
  return Number(row?.t ?? 0);
}

export interface LabelsSummaryRow {
  lang: string;
  /** Mentions of this language the team labelled. */
  labels: number;
  /** How many of those labels the scorer's reading (at the time each label was set) agreed with. */
  agreed: number;
  /** Macro-F1 (percent) of the scorer's reading against the labels. */
  scorerMacroF1: number;
  /**
   * Labels still to give before `vigie train` trains this language (0 once it can): until then a macro-F1 over a
   * handful of labels, often of one tone, says nothing, and the dashboard shows the agreement count instead.
   */
  toTrain: number;
  /** The active model's cross-validated figures (percent), from when it was trained, if there is one. */
  model: { id: string; labels: number; lexiconMacroF1: number; trainedMacroF1: number } | null;
  /** The newest model trained, adopted or not. */
  latest: { id: string; labels: number; lexiconMacroF1: number; trainedMacroF1: number; adopted: boolean } | null;
}

/**
 * What the dashboard shows: "on N mentions your team labelled: lexicon X, trained Y macro-F1", per language. `folds`
 * is training's (learning.folds), which sets how many labels a language needs.
 */
export async function labelsSummary(db: Kysely<Database>, folds: number): Promise<{ total: number; languages: LabelsSummaryRow[] }> {
  const [stored, models] = await Promise.all([labelAgreement(db), listModels(db, 'sentiment')]);
  // Counted under the language they train (posts of undetermined language train the English model), as training counts.
  const agreement = stored.map((a) => ({ ...a, lang: modelLanguage(a.lang) }));
  const langs = [...new Set([...agreement.map((a) => a.lang), ...models.map((m) => m.lang)])].sort();
  const figures = (m: ModelInfo) => ({ id: m.id, labels: m.labels, lexiconMacroF1: m.lexiconMacroF1, trainedMacroF1: m.cvMacroF1 });
  const languages = langs.map((lang) => {
    const counts = agreement.filter((a) => a.lang === lang);
    const active = models.find((m) => m.lang === lang && m.active);
    const latest = models.find((m) => m.lang === lang);
    const labels = counts.reduce((n, c) => n + c.n, 0);
    const tones = new Set(counts.map((c) => c.label)).size;
    return {
      lang,
      labels,
      agreed: counts.filter((c) => c.label === c.machine).reduce((n, c) => n + c.n, 0),
      // The same measure as the cross-validation's (h17's classificationScores), so the figures compare.
      scorerMacroF1: classificationScores(
        counts.flatMap((c) => Array<SentimentLabel>(c.n).fill(c.label as SentimentLabel)),
        counts.flatMap((c) => Array<SentimentLabel>(c.n).fill(c.machine as SentimentLabel)),
      ).macroF1,
      toTrain: labelsStillNeeded(labels, tones, folds),
      model: active ? figures(active) : null,
      latest: latest ? { ...figures(latest), adopted: latest.adopted } : null,
    };
  });
  return { total: languages.reduce((n, l) => n + l.labels, 0), languages };
}
