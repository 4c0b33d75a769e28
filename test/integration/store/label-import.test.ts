// `vigie labels import/export` on SQLite and PostgreSQL: BOM and broken rows, unknown mentions quarantined, and an
// export that imports back changing nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelExportLine, EXPORT_COLUMNS } from '../../../src/commands/labels.js';
import { csvLine } from '../../../src/api/csv.js';
import { importLabelFile } from '../../../src/stages/import-labels.js';
import { entityTotals } from '../../../src/store/kpi-queries.js';
import { labelledMentions } from '../../../src/store/label-repository.js';
import { storeMentions, type StoredMention } from '../../../src/store/mention-repository.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../helpers/services.js';
import { storedMention } from '../../helpers/stored-mention.js';

const T0 = Date.UTC(2026, 10, 20, 10);

const mention = (i: number): StoredMention => storedMention(i, T0, { text: i === 1 ? '=HYPERLINK("http://evil.example") "quoted", comma' : `post ${i}` });

describe.each(DIALECTS)('label import and export on %s', (dialect) => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'vigie-labels-'));
    await storeMentions(t.store, [1, 2, 3, 4].map(mention));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.destroy();
  });
  const totals = async () => (await entityTotals(t.store.db, ['acme'], { from: 0, to: T0 + 86_400_000 })).get('acme')!;
  const quarantined = async () => t.store.db.selectFrom('quarantine').select(['error']).orderBy('error').execute();

  it('imports a CSV with a BOM, quarantining each bad row and each unknown mention with a message naming it', async () => {
    const file = join(dir, 'labels.csv');
    writeFileSync(file, '\ufeffmention_id,label,by\r\nx:m1,negative,ana\r\nx:m2,Positive,\r\nx:m3,great,bob\r\nx:nope,neutral,ana\r\n,negative,ana\r\nx:m4,"positive\r\n');
    const s = await importLabelFile(t.store, file, { by: 'import:test', now: T0 });
    expect(s).toEqual({ records: 6, changed: 2, unchanged: 0, quarantined: 4 });
    const errors = (await quarantined()).map((q) => q.error).join('\n');
    expect(errors).toContain('label "great" of x:m3: expected negative, neutral or positive');
    expect(errors).toContain('no stored mention has the id "x:nope"');
    expect(errors).toContain('no mention id');
    expect(errors).toMatch(/labels\.csv: csv record \d+: .*quote/i);
    expect(await totals()).toMatchObject({ negative: 1, positive: 1, neutral: 2 });
    const rows = await t.store.db.selectFrom('mention_labels').select(['mention_id', 'labelled_by', 'source']).orderBy('mention_id').execute();
    expect(rows).toEqual([
      { mention_id: 'x:m1', labelled_by: 'ana', source: 'import' },
      { mention_id: 'x:m2', labelled_by: 'import:test', source: 'import' },
    ]);
  });

  it('exports as CSV and JSONL that import back changing nothing', async () => {
    const labels = [];
    for await (const page of labelledMentions(t.store.db)) labels.push(...page);
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, `\ufeff${csvLine([...EXPORT_COLUMNS])}${labels.map((l) => labelExportLine('csv', l)).join('')}`);
    const jsonl = join(dir, 'export.jsonl');
    writeFileSync(jsonl, labels.map((l) => labelExportLine('jsonl', l)).join(''));
    // The formula-like text is neutralised in the CSV, kept as it is in JSON.
    expect(labelExportLine('csv', labels[0])).toContain(`"'=HYPERLINK(""http://evil.example"") ""quoted"", comma"`);
    expect(JSON.parse(labelExportLine('jsonl', labels[0]))).toMatchObject({ mention_id: 'x:m1', label: 'negative', by: 'ana', machine_label: 'neutral', text: mention(1).text });

    const before = await totals();
    for (const file of [csv, jsonl]) {
      expect(await importLabelFile(t.store, file, { by: 'someone', now: T0 + 1 })).toEqual({ records: 2, changed: 0, unchanged: 2, quarantined: 0 });
    }
    expect(await totals()).toEqual(before);
    expect(Number((await t.store.db.selectFrom('label_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(2);
  });
});
