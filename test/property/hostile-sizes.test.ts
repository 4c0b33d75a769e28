// Hostile sizes and characters through import -> score -> store: a 1 MB text, an empty one, invalid UTF-8,
// zero-width and right-to-left characters, 10,000 emojis. Each is stored or quarantined with a reason; nothing crashes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importMentionFile } from '../../src/stages/import-file.js';
import { startTestPipeline, type TestPipeline } from '../helpers/pipeline.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { waitUntil } from '../helpers/wait.js';

// 10,000 cases per property: generous on a loaded 2-core machine; a hang still fails.
vi.setConfig({ testTimeout: 240_000 });

const AT = '2026-03-19T10:00:00Z';
const record = (id: string, text: string) => JSON.stringify({ id, text: `Acme ${text}`, published_at: AT, author: `author_${id}` });
const ONE_MB = 'a'.repeat(1024 * 1024);
const EMOJIS = '🔥'.repeat(10_000);
const BIDI = 'Acme \u202eesuoh ni erif\u202c \u200b\u200c\u200d\u2066زبون غاضب\u2069 \ufeff';

let dir: string;
let smtp: SmtpSink;
let pipeline: TestPipeline;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-hostile-'));
  smtp = await startSmtpSink();
  pipeline = await startTestPipeline('sqlite', { smtpUrl: smtp.url, dataDir: dir });
});

afterAll(async () => {
  await pipeline?.stop();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile mentions through the whole pipeline', () => {
  it('stores or quarantines each one with a reason, and the good ones around them are stored intact', { timeout: 120_000 }, async () => {
    const path = join(dir, 'hostile.jsonl');
    const lines = [
      Buffer.from(`${record('huge', ONE_MB)}\n`),
      Buffer.from(`${record('empty', '')}\n`),
      Buffer.concat([Buffer.from('{"id":"bytes","text":"Acme caf'), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]), Buffer.from(`","published_at":"${AT}","author":"bytes"}\n`)]),
      Buffer.from(`${JSON.stringify({ id: 'bidi', text: BIDI, published_at: AT, author: '\u202eevil\u200b' })}\n`),
      Buffer.from(`${record('emojis', EMOJIS)}\n`),
      Buffer.from(`${record('nul', 'before\u0000after')}\n`),
      Buffer.from(`${record('plain', 'blender works fine')}\n`),
    ];
    writeFileSync(path, Buffer.concat(lines));
    const summary = await importMentionFile(pipeline.ctx, path);
    expect(summary.records).toBe(7);
    expect(summary.queued + summary.quarantined).toBe(7);

    const db = pipeline.database.store.db;
    const stored = await waitUntil(async () => {
      const rows = await db.selectFrom('mentions').select(['id', 'text', 'sentiment_label']).execute();
      return rows.length === summary.queued ? rows : undefined;
    }, 'the queued hostile mentions to be scored and stored', 90_000);
    const quarantined = await db.selectFrom('quarantine').select(['payload', 'error']).execute();
    const byId = new Map(stored.map((r) => [r.id, r]));

    // Over the 100,000-character limit: quarantined, with the field and the reason; its payload is capped.
    expect(byId.has('file:huge')).toBe(false);
    expect(quarantined.find((q) => q.payload.includes('"huge"'))?.error).toMatch(/^jsonl record 1: text: .*100000/);
    expect(Math.max(...quarantined.map((q) => q.payload.length))).toBeLessThanOrEqual(256 * 1024 + 20);
    // Bytes that are not UTF-8: quarantined with where they are, never silently replaced by U+FFFD.
    expect(byId.has('file:bytes')).toBe(false);
    expect(quarantined.find((q) => q.payload.includes('"bytes"'))?.error).toMatch(/^jsonl record 3: invalid UTF-8 \(byte 0xc3 at offset 30\)/);
    // Everything else is stored, character for character.
    expect(byId.get('file:empty')?.text).toBe('Acme ');
    expect(byId.get('file:bidi')?.text).toBe(BIDI);
    expect(byId.get('file:emojis')?.text).toBe(`Acme ${EMOJIS}`);
    expect(byId.get('file:plain')?.text).toBe('Acme blender works fine');
    expect(byId.has('file:nul') || quarantined.some((q) => q.payload.includes('"nul"'))).toBe(true);
    for (const row of stored) expect(['negative', 'neutral', 'positive']).toContain(row.sentiment_label);
    expect(await pipeline.ctx.queues.score.getFailedCount()).toBe(0);
    expect(await pipeline.ctx.queues.collect.getFailedCount()).toBe(0);
  });
});
