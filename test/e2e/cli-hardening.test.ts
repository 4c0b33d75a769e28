// The `vigie` command on the mistakes an outside review made: a non-PostgreSQL DATABASE_URL, values a stage would throw
// on, and an import where nothing could be stored. Each mistake is named, no password is printed, the exit code says it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, requireRedis, testRedisPrefix } from '../helpers/services.js';

const VIGIE = join(process.cwd(), 'bin/vigie.js');
// Each spawn starts the CLI through tsx from cold: up to 110 s were seen on a loaded 2-core machine.
const SPAWNING_TEST_MS = 180_000;
const ENTITY = 'entities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]';

describe('the vigie command refuses what would fail later', () => {
  let dir: string;
  const vigie = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [VIGIE, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-cli-hardening-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('doctor: a mysql:// DATABASE_URL is a config error naming database.url, password masked, no file created', { timeout: SPAWNING_TEST_MS }, () => {
    const config = join(dir, 'db.yaml');
    writeFileSync(config, `dataDir: ${JSON.stringify(join(dir, 'data'))}\ndatabase: { url: "\${DATABASE_URL:-}" }\n${ENTITY}\n`);
    const doctor = vigie(['doctor', '-c', config], { DATABASE_URL: 'mysql://vigie:S3cretPassw0rd@db.example/vigie' });
    expect(doctor.status).toBe(2);
    expect(doctor.stderr).toContain(`${config}: database.url: expected postgres://, postgresql://, sqlite:<file> or a file path, got "mysql://vigie:***@db.example/vigie"`);
    expect(doctor.stdout + doctor.stderr).not.toContain('S3cretPassw0rd');
    expect(readdirSync(dir)).toEqual(['db.yaml']);
  });

  it('config check names every value a stage would throw on, with file and path', { timeout: SPAWNING_TEST_MS }, () => {
    const config = join(dir, 'values.yaml');
    writeFileSync(config, `${ENTITY}
alerts: { quietHours: { start: "25:99", end: "07:00", timezone: Nowhere/Land } }
channels: [{ id: soc, type: webhook, url: "https://10.1.2.3/hook", secret: a-webhook-secret-0123456789 }]
`);
    const check = vigie(['config', 'check', config]);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(`${config}: alerts.quietHours.start: expected a time of day from 00:00 to 23:59, got "25:99"`);
    expect(check.stderr).toContain(`${config}: alerts.quietHours.timezone: expected an IANA time zone like Europe/Paris, got "Nowhere/Land"`);
    expect(check.stderr).toContain(`${config}: channels[0].url: refused to send to 10.1.2.3 (10.1.2.3 is a private address)`);
  });

  it('a notify worker with a webhook to a private address stops on a config error, not an SsrfBlockedError stack trace', { timeout: SPAWNING_TEST_MS }, () => {
    const config = join(dir, 'worker.yaml');
    writeFileSync(config, `${ENTITY}\nchannels: [{ id: soc, type: webhook, url: "http://127.0.0.1:9/hook", secret: a-webhook-secret-0123456789 }]\n`);
    const worker = vigie(['worker', 'notify', '-c', config]);
    expect(worker.status).toBe(2);
    expect(worker.stderr).toContain(`${config}: channels[0].url: refused to send to 127.0.0.1:9 (127.0.0.1 is a loopback address); set allowPrivateNetwork: true`);
    expect(worker.stderr).not.toMatch(/SsrfBlockedError|\n\s+at /);
  });

  it('import: a broken CSV row is quarantined alone and counted; nothing stored is a failure', { timeout: 2 * SPAWNING_TEST_MS }, async () => {
    await requireRedis();
    const config = join(dir, 'import.yaml');
    writeFileSync(config, `dataDir: ${JSON.stringify(join(dir, 'import-data'))}\nredis: { url: "${REDIS_URL}", prefix: "${testRedisPrefix()}" }\n${ENTITY}\n`);
    const at = '2026-03-19T10:00:00Z';
    const csv = join(dir, 'seven.csv');
    const row = (id: number) => `${id},"Acme row ${id}",${at},ann`;
    writeFileSync(csv, ['id,text,published_at,author', row(1), row(2), `3,"Acme never closed,${at},ann`, row(4), row(5), row(6), row(7)].join('\n') + '\n');
    const ok = vigie(['import', csv, '-c', config]);
    expect(ok.stdout).toContain(`${csv}: 7 records read, 6 mentions queued in 1 jobs, 1 quarantined`);
    expect(ok.status).toBe(0);

    const bad = join(dir, 'all-bad.jsonl');
    writeFileSync(bad, '{"id": "1", "text": "no date"}\nnot json\n');
    const failed = vigie(['import', bad, '-c', config]);
    expect(failed.stdout).toContain(`${bad}: 2 records read, 0 mentions queued in 0 jobs, 2 quarantined`);
    expect(failed.stderr).toContain(`${bad}: nothing to store: every record was quarantined`);
    expect(failed.status).toBe(1);
  });
});
