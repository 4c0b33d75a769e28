// `vigie doctor` on PostgreSQL says whether autovacuum keeps the weekly partitions' statistics, as the server says.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../src/commands/doctor.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { acmeConfigYaml } from '../../helpers/pipeline.js';
import { POSTGRES_URL, testRedisPrefix } from '../../helpers/services.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-doctor-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vigie doctor on PostgreSQL', () => {
  it("reports the server's autovacuum setting, a failure when it is off", async () => {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    const setting = (await admin.query<{ autovacuum: string }>('show autovacuum')).rows[0].autovacuum;
    await admin.end();
    const config = parseConfig(acmeConfigYaml({ databaseUrl: POSTGRES_URL, smtpUrl: '', prefix: testRedisPrefix(), dataDir: dir }), 'test.yaml', {});
    const check = (await diagnose(config)).find((c) => c.name === 'database statistics');
    expect(check).toBeDefined();
    expect(check!.ok).toBe(setting === 'on');
    expect(check!.detail).toMatch(setting === 'on' ? /autovacuum is on/ : /autovacuum is off: .*ANALYZE/);
  });
});
