// `vigie labels import`: applies a file of labels in batches; bad rows and labels of unknown mentions are quarantined.
import { basename } from 'node:path';
import type { Store } from '../store/database.js';
import { applyLabels } from '../store/label-repository.js';
import { quarantine } from '../store/quarantine-repository.js';
import { readLabelFile } from '../sources/label-file.js';

export interface LabelImportSummary {
  records: number;
  changed: number;
  unchanged: number;
  quarantined: number;
}

/** `by` is who imports, used for rows that do not say who labelled them. */
export async function importLabelFile(store: Store, path: string, opts: { by: string; now: number }): Promise<LabelImportSummary> {
  const sourceId = `labels-import-${basename(path)}`;
  const summary: LabelImportSummary = { records: 0, changed: 0, unchanged: 0, quarantined: 0 };
  for await (const batch of readLabelFile(path, sourceId)) {
    const outcomes = await applyLabels(store, batch.rows.map((r) => ({ mentionId: r.mentionId, label: r.label, by: r.by ?? opts.by, source: 'import' as const, at: opts.now })));
    const unknown = batch.rows.filter((_, i) => outcomes[i].status === 'unknown-mention');
    const quarantined = [
      ...batch.quarantined,
      ...unknown.map((r) => ({ platform: 'file', sourceId, payload: r.raw, error: `${path}: record ${r.position}: no stored mention has the id "${r.mentionId.slice(0, 80)}"` })),
    ];
    await quarantine(store.db, quarantined, opts.now);
    summary.records += batch.rows.length + batch.quarantined.length;
    summary.quarantined += quarantined.length;
    for (const o of outcomes) if (o.status === 'changed') summary.changed++;
    else if (o.status === 'unchanged') summary.unchanged++;
  }
  return summary;
}
