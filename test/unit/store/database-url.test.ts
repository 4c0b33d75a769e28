// DATABASE_URL: PostgreSQL URLs, sqlite: or a file path, nothing else; a mistake is a config error that names
// database.url and never shows the password, and no SQLite file is ever created from a mistyped URL.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { openDatabase } from '../../../src/store/database.js';
import { databaseUrlProblem, maskCredentials } from '../../../src/store/database-url.js';

const REFUSED = [
  'mysql://vigie:PASSWORD@db.example/vigie',
  'postgresql//vigie:PASSWORD@db.example/vigie',
  'postgres:/vigie:PASSWORD@db.example/vigie',
  'mariadb://vigie:PASSWORD@db.example/vigie',
  'file:///var/lib/vigie.db',
  'http://db.example/vigie',
  'vigie:PASSWORD@db.example/vigie',
  'sqlite:',
  'postgres://vigie:PASSWORD@[::1/vigie',
];
const ACCEPTED = [
  '',
  'postgres://vigie:PASSWORD@db.example:5432/vigie',
  'postgresql://db.example/vigie?sslmode=require',
  'POSTGRES://127.0.0.1/test',
  'sqlite:data/vigie.db',
  'sqlite:///var/lib/vigie/vigie.db',
  'sqlite::memory:',
  ':memory:',
  'data/vigie.db',
  '/var/lib/vigie/vigie.db',
  './vigie.db',
];

const configWith = (url: string) => `database: { url: ${JSON.stringify(url)} }\nentities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]\n`;

describe('DATABASE_URL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-dburl-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(REFUSED)('refuses %s as a config error naming database.url, password masked', (url) => {
    expect(databaseUrlProblem(url)).toBeDefined();
    let error: unknown;
    try {
      parseConfig(configWith(url), 'vigie.yaml', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^vigie\.yaml: database\.url: expected postgres:\/\/, postgresql:\/\/, sqlite:<file> or a file path/m);
    expect(message).not.toContain('PASSWORD');
  });

  it('refuses it from the environment too, where it usually comes from', () => {
    const text = 'database: { url: "${DATABASE_URL:-}" }\nentities: [{ id: acme, name: Acme, kind: brand, terms: [acme] }]\n';
    expect(() => parseConfig(text, 'vigie.yaml', { DATABASE_URL: 'mysql://vigie:PASSWORD@db.example/x' })).toThrow(/database\.url: .*mysql:\/\/vigie:\*\*\*@db\.example\/x/);
  });

  it.each(ACCEPTED)('accepts %s', (url) => {
    expect(databaseUrlProblem(url)).toBeUndefined();
    expect(parseConfig(configWith(url), 'vigie.yaml', {}).database.url).toBe(url);
  });

  it('never opens a SQLite file named after a refused URL', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const url of REFUSED) await expect(openDatabase(url, dir)).rejects.toThrow(/database URL/);
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(cwd, 'mysql:'))).toBe(false);
  });

  it('masks passwords in any text: URLs, mistyped URLs and key=value strings', () => {
    expect(maskCredentials('mysql://vigie:PASSWORD@db.example/x')).toBe('mysql://vigie:***@db.example/x');
    expect(maskCredentials('SQLite /srv/postgresql/vigie:PASSWORD@db.example/x')).toBe('SQLite /srv/postgresql/vigie:***@db.example/x');
    expect(maskCredentials('postgres://db.example/x?user=v&password=PASSWORD&sslmode=require')).toBe('postgres://db.example/x?user=v&password=***&sslmode=require');
    expect(maskCredentials('host=db password=PASSWORD dbname=x')).toBe('host=db password=*** dbname=x');
    expect(maskCredentials('/var/lib/vigie/vigie.db')).toBe('/var/lib/vigie/vigie.db');
  });
});
