// The `vigie` command on the mistakes an outside review made: a non-PostgreSQL DATABASE_URL, values a stage would throw
// on, and an import where nothing could be stored. Each mistake is named, no password is printed, the exit code says it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const VIGIE = join(process.cwd(), 'bin/vigie.js');
// Each spawn starts the CLI through tsx from cold: over 30 s on a loaded 2-core machine.
const SPAWNING_TEST_MS = 90_000;

describe('the vigie command refuses what would fail later', () => {
  let dir: string;
  const vigie = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [VIGIE, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-cli-hardening-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('doctor: a mysql:// DATABASE_URL is a config error naming database.url, password masked, no file created', { timeout: SPAWNING_TEST_MS }, () => {
    const config = join(dir, 'db.yaml');
    writeFileSync(config, `dataDir: ${JSON.stringify(join(dir, 'data'))}\ndatabase: { url: "\${DATABASE_URL:-}" }\nentities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]\n`);
    const doctor = vigie(['doctor', '-c', config], { DATABASE_URL: 'mysql://vigie:S3cretPassw0rd@db.example/vigie' });
    expect(doctor.status).toBe(2);
    expect(doctor.stderr).toContain(`${config}: database.url: expected postgres://, postgresql://, sqlite:<file> or a file path, got "mysql://vigie:***@db.example/vigie"`);
    expect(doctor.stdout + doctor.stderr).not.toContain('S3cretPassw0rd');
    expect(readdirSync(dir)).toEqual(['db.yaml']);
  });
});
