// `vigie labels import <file>` and `vigie labels export`: the team's sentiment labels in bulk, as CSV or JSON lines.
import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import { userInfo } from 'node:os';
import { csvLine } from '../api/csv.js';
import { labelledMentions, type LabelledMention } from '../store/label-repository.js';
import { importLabelFile } from '../stages/import-labels.js';
import { withStore } from './with-store.js';

/** Who a bulk import is recorded as, when the rows do not say. */
const defaultImporter = () => {
  try {
    return `import:${userInfo().username}`;
  } catch {
    return 'import';
  }
};

/** false when the file had rows that could not be applied (they are in the quarantine), for the exit code. */
export async function runLabelsImport(configPath: string, file: string, by?: string): Promise<boolean> {
  const s = await withStore(configPath, (store) => importLabelFile(store, file, { by: by ?? defaultImporter(), now: Date.now() }));
  console.log(`${file}: ${s.records} records, ${s.changed} labels changed, ${s.unchanged} already so, ${s.quarantined} quarantined (see the quarantine table)`);
  if (s.records === 0) console.error(`${file}: no label found`);
  return s.quarantined === 0 && s.records > 0;
}

export const EXPORT_COLUMNS = ['mention_id', 'label', 'by', 'labelled_at', 'source', 'machine_label', 'lang', 'platform', 'text'] as const;

const exportValues = (l: LabelledMention) => [l.mentionId, l.label, l.by, new Date(l.at).toISOString(), l.source, l.machineLabel, l.lang, l.platform, l.text];

/** A label as an export line; CSV cells that a spreadsheet would run as formulas are neutralised. */
export function labelExportLine(format: 'csv' | 'jsonl', l: LabelledMention): string {
  if (format === 'csv') return csvLine(exportValues(l));
  const values = exportValues(l);
  return `${JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c, values[i]])))}\n`;
}

export async function runLabelsExport(configPath: string, opts: { out?: string; format?: string }): Promise<number> {
  const format = (opts.format ?? (opts.out && extname(opts.out).toLowerCase() === '.csv' ? 'csv' : 'jsonl')) as 'csv' | 'jsonl';
  if (format !== 'csv' && format !== 'jsonl') throw new Error(`--format ${String(opts.format)}: expected csv or jsonl`);
  const out = opts.out ? createWriteStream(opts.out) : process.stdout;
  const write = (s: string) => new Promise<void>((resolve, reject) => (out.write(s, (e) => (e ? reject(e) : resolve()))));
  let n = 0;
  await withStore(configPath, async (store) => {
    if (format === 'csv') await write(`\ufeff${csvLine([...EXPORT_COLUMNS])}`);
    for await (const page of labelledMentions(store.db)) {
      await write(page.map((l) => labelExportLine(format, l)).join(''));
      n += page.length;
    }
  });
  if (opts.out) {
    await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())));
    console.error(`${opts.out}: ${n} labels`);
  }
  return n;
}
