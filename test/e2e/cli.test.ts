// The `vigie` command as a newcomer meets it: start on the embedded defaults with the replayed demo scenario,
// an alert email in the outbox within two minutes, doctor, a config mistake, and a clean stop on SIGTERM.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, requireRedis, uniqueName } from '../helpers/services.js';
import { waitUntil } from '../helpers/wait.js';

const VIGIE = join(process.cwd(), 'bin/vigie.js');

function demoConfig(dir: string): string {
  const demo = readFileSync('config/demo.yaml', 'utf8');
  return demo
    .replace('dataDir: data', `dataDir: ${JSON.stringify(dir)}`)
    .replace('url: ${DEMO_DATABASE_URL:-sqlite:data/demo.db}', `url: ${JSON.stringify(`sqlite:${join(dir, 'vigie.db')}`)}`)
    .replace('url: ${REDIS_URL:-}', `url: ${JSON.stringify(REDIS_URL)}`)
    .replace('prefix: "{vigie-demo}"', `prefix: "{${uniqueName('clitest')}}"`)
    .replace('port: ${VIGIE_PORT:-8080}', 'port: 0')
    .replace('url: ${SMTP_URL:-}', 'url: ""')
    .replace('outboxDir: data/outbox', `outboxDir: ${JSON.stringify(join(dir, 'outbox'))}`);
}

describe('the vigie command', () => {
  let dir: string;
  let config: string;
  let child: ChildProcess | undefined;
  const lines: string[] = [];

  beforeAll(async () => {
    await requireRedis();
    dir = mkdtempSync(join(tmpdir(), 'vigie-cli-'));
    config = join(dir, 'vigie.yaml');
    writeFileSync(config, demoConfig(dir));
  });
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  // Each spawn starts the CLI through tsx from cold: two of them took over 30 s on a loaded 2-core machine.
  const SPAWNING_TEST_MS = 90_000;

  it('validates config and names the mistake', { timeout: SPAWNING_TEST_MS }, () => {
    const ok = spawnSync(process.execPath, [VIGIE, 'config', 'check', config], { encoding: 'utf8' });
    expect(ok.stdout).toContain('valid (5 entities, 1 sources, 2 channels)');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(config, 'utf8').replace(/terms: \[Veltra\b[^\]]*\]/, 'terms: Veltra'));
    const bad = spawnSync(process.execPath, [VIGIE, 'config', 'check', broken], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`${broken}: entities[3].terms: expected array, received string`);
  });

  it('diagnoses the install with doctor', { timeout: SPAWNING_TEST_MS }, () => {
    const doctor = spawnSync(process.execPath, [VIGIE, 'doctor', '-c', config], { encoding: 'utf8' });
    expect(doctor.stdout).toMatch(/ok {3}database: SQLite .*up to date|ok {3}database: SQLite .*migration/);
    expect(doctor.stdout).toContain('ok   redis: 127.0.0.1:6379 answers');
    expect(doctor.stdout).toContain('ok   smtp: no SMTP configured: emails are written to');
    expect(doctor.stdout).toContain('ok   source demo:');
  });

  it('starts, serves the dashboard, raises the demo crisis alert by email within two minutes, and stops cleanly', { timeout: 200_000 }, async () => {
    child = spawn(process.execPath, [VIGIE, 'start', '-c', config], { env: { ...process.env, LOG_FORMAT: 'json' }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    child.stderr!.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    const dashboard = await waitUntil(async () => lines.map((l) => /"dashboard":"([^"]+)"/.exec(l)?.[1]).find(Boolean), 'the dashboard address', 60_000);
    expect(await (await fetch(`${dashboard}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(dashboard)).status).toBe(200);

    const started = Date.now();
    const outbox = join(dir, 'outbox');
    // The crisis email to the community manager; the competitive-intelligence channel (a competitor's alert) writes
    // to the same outbox, sometimes first.
    const mail = await waitUntil(async () => {
      let files: string[];
      try {
        files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
      } catch {
        return undefined;
      }
      for (const file of files) {
        const parsed = await simpleParser(readFileSync(join(outbox, file)));
        if (/· Kelio/.test(parsed.subject ?? '')) return parsed;
      }
      return undefined;
    }, 'a Kelio alert email in the outbox', 150_000);
    expect(Date.now() - started).toBeLessThan(120_000);
    // Kelio is a French brand (locale: fr in config/demo.yaml): its alerts, and its product's, are written in French.
    expect(mail.subject).toMatch(/^\[Vigie\] Alerte (moyenne|élevée|critique) · Kelio/);
    expect(mail.subject!.length).toBeLessThanOrEqual(80);
    expect(mail.html).toContain('Prendre en charge');

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child!.once('exit', done));
    expect(code).toBe(0);
    expect(lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    child = undefined;
  });
});
