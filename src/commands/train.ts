// `vigie train` and `vigie model list|rollback`: models trained on the team's labels, versioned in the database.
import { buildMasker } from '../app/active-models.js';
import { activateModel, listModels, type ModelInfo, type ModelKind } from '../store/model-repository.js';
import { trainFromLabels, type TrainOutcome } from '../stages/train.js';
import { withStore } from './with-store.js';

/** What `vigie train` prints: one line per language and one for tags. */
export function describeTraining(outcome: TrainOutcome): string[] {
  const lines = outcome.sentiment.map((s) => `${s.lang}: ${s.model ? `${s.model.id} ${s.model.adopted ? 'active' : 'stored, not active'}; ` : ''}${s.reason}`);
  if (outcome.sentiment.length === 0) lines.push('no label yet: label mentions on the dashboard, through PUT /api/mentions/:id/label or with vigie labels import');
  lines.push(`tags: ${outcome.tags.model ? `${outcome.tags.model.id} active; ` : ''}${outcome.tags.reason}`);
  return lines;
}

export async function runTrain(configPath: string, opts: { folds?: number; by?: string }): Promise<TrainOutcome> {
  return withStore(configPath, async (store, config) => {
    const outcome = await trainFromLabels(store, { by: opts.by ?? 'cli', now: Date.now(), maskText: buildMasker(config), folds: opts.folds ?? config.learning.folds });
    for (const line of describeTraining(outcome)) console.log(line);
    console.log('Running score workers pick the active models up within learning.modelCheckSeconds.');
    return outcome;
  });
}

const pct = (x: number) => x.toFixed(1);

export function describeModel(m: ModelInfo): string {
  const when = new Date(m.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  const figures = m.kind === 'sentiment' ? `lexicon ${pct(m.lexiconMacroF1)}, trained ${pct(m.cvMacroF1)} macro-F1` : `mean tag F1 ${pct(m.cvMacroF1)}`;
  return `${m.active ? '*' : ' '} ${m.id.padEnd(22)} ${when} by ${m.createdBy}, ${m.labels} labels: ${figures}${m.adopted ? '' : ' (did not beat the lexicon)'}`;
}

export async function runModelList(configPath: string): Promise<void> {
  await withStore(configPath, async (store) => {
    const models = await listModels(store.db);
    if (models.length === 0) console.log('no model yet: run vigie train once the team has labelled mentions');
    for (const m of models) console.log(describeModel(m));
    if (models.length > 0) console.log('* active (used by the score workers); languages without an active model use the lexicon');
  });
}

/**
 * `vigie model rollback <version>`: `sentiment-en-v2`, or `v2`/`2` with --lang (and --kind), or `lexicon` with --lang
 * to go back to the lexicon for that language.
 */
/** What `model rollback` needs besides the version, or null when the arguments are complete. */
export function rollbackUsageProblem(version: string, lang: string | undefined, kind = 'sentiment'): string | null {
  if (version === 'lexicon' && !lang) return 'model rollback lexicon: expected --lang <code> (the language that goes back to the lexicon)';
  if (/^v?\d+$/.test(version) && !lang) return `model rollback ${version}: expected --lang <code>, or a full id like ${kind}-en-v${version.replace(/^v/, '')}`;
  return null;
}

/** false when no stored model has that id (the message says so), for the exit code. */
export async function runModelRollback(configPath: string, version: string, opts: { lang?: string; kind?: ModelKind }): Promise<boolean> {
  return withStore(configPath, async (store) => {
    const kind = opts.kind ?? 'sentiment';
    if (version === 'lexicon' && opts.lang) {
      await activateModel(store.db, { kind, lang: opts.lang, lexicon: true });
      console.log(`${kind} ${opts.lang}: no active model, the lexicon scores it`);
      return true;
    }
    const id = /^v?\d+$/.test(version) ? `${kind}-${opts.lang}-v${version.replace(/^v/, '')}` : version;
    try {
      const m = await activateModel(store.db, { id });
      console.log(`active now: ${describeModel(m!)}`);
      return true;
    } catch (error) {
      console.error((error as Error).message);
      return false;
    }
  });
}
