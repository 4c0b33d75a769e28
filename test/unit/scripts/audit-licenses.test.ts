// `npm run audit:licenses`: every production dependency's licence is compatible with AGPL-3.0, and only the three
// allowed packages run install scripts. Offline: it reads the lockfile and node_modules, nothing else.
import { describe, expect, it } from 'vitest';
import { auditDependencies, type Lockfile, type PackageManifest } from '../../../scripts/audit-licenses.js';

const ALLOW_SCRIPTS = ['better-sqlite3', 'esbuild', 'msgpackr-extract'];

/** A lockfile and the package.json files that "are installed", for the audit to read. */
function tree(packages: Lockfile['packages'], installed: Record<string, PackageManifest> = {}) {
  return { lockfile: { packages: { '': { name: 'vigie' }, ...packages } }, readManifest: (path: string) => installed[path], allowScripts: ALLOW_SCRIPTS };
}

describe('audit:licenses', () => {
  it('passes this repository: its production licences and its install scripts', async () => {
    const { readFileSync, existsSync } = await import('node:fs');
    const lockfile = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile;
    const allowScripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).allowScripts);
    const report = auditDependencies({
      lockfile,
      allowScripts,
      readManifest: (path) => (existsSync(`${path}/package.json`) ? (JSON.parse(readFileSync(`${path}/package.json`, 'utf8')) as PackageManifest) : undefined),
    });
    expect(report.problems).toEqual([]);
    expect(report.productionPackages).toBeGreaterThan(100);
    expect(report.installScripts.sort()).toEqual(ALLOW_SCRIPTS);
  });

  it('refuses a production licence AGPL-3.0 cannot take, or none, or one that is not SPDX; dev-only packages are not shipped', () => {
    const report = auditDependencies(tree({
      'node_modules/ok': { version: '1.0.0', license: 'MIT' },
      'node_modules/either': { version: '1.0.0', license: '(MIT OR GPL-2.0-only)' },
      'node_modules/gpl2': { version: '2.0.0', license: 'GPL-2.0-only' },
      'node_modules/proprietary': { version: '1.0.0', license: 'SEE LICENSE IN LICENSE.md' },
      'node_modules/silent': { version: '0.1.0' },
      'node_modules/a/node_modules/@scope/nested': { version: '3.0.0', license: 'BSD-4-Clause' },
      'node_modules/dev-tool': { version: '1.0.0', license: 'GPL-2.0-only', dev: true },
      'node_modules/platform-binary': { version: '1.0.0', license: 'SSPL-1.0', optional: true },
    }));
    expect(report.problems).toEqual([
      'gpl2@2.0.0: licence GPL-2.0-only is not compatible with AGPL-3.0-or-later',
      'proprietary@1.0.0: licence "SEE LICENSE IN LICENSE.md" is not an SPDX expression',
      'silent@0.1.0: no licence declared',
      '@scope/nested@3.0.0: licence BSD-4-Clause is not compatible with AGPL-3.0-or-later',
      'platform-binary@1.0.0: licence SSPL-1.0 is not compatible with AGPL-3.0-or-later',
    ]);
  });

  it('reads the installed package.json first, in its old forms too, and honours a reviewed package at its version only', () => {
    const report = auditDependencies(tree(
      {
        'node_modules/old-object': { version: '1.0.0' },
        'node_modules/old-array': { version: '1.0.0' },
        'node_modules/sylvester': { version: '0.0.21' },
        'node_modules/relicensed': { version: '2.0.0', license: 'MIT' },
      },
      {
        'node_modules/old-object': { license: { type: 'ISC' } },
        'node_modules/old-array': { licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] },
        'node_modules/relicensed': { license: 'GPL-2.0-only' },
      },
    ));
    expect(report.problems).toEqual(['relicensed@2.0.0: licence GPL-2.0-only is not compatible with AGPL-3.0-or-later']);
    expect(auditDependencies(tree({ 'node_modules/sylvester': { version: '0.0.22' } })).problems).toEqual(['sylvester@0.0.22: no licence declared']);
  });

  it('refuses an install script outside allowScripts, dev dependencies included, from the lockfile or the installed package', () => {
    const report = auditDependencies(tree(
      {
        'node_modules/esbuild': { version: '0.25.0', license: 'MIT', hasInstallScript: true },
        'node_modules/sneaky': { version: '1.0.0', license: 'MIT', hasInstallScript: true, dev: true },
        'node_modules/quiet': { version: '1.0.0', license: 'MIT' },
      },
      { 'node_modules/quiet': { license: 'MIT', scripts: { postinstall: 'node fetch-binary.js' } } },
    ));
    expect(report.problems).toEqual([
      'sneaky@1.0.0: runs an install script, and is not in package.json "allowScripts"',
      'quiet@1.0.0: runs an install script, and is not in package.json "allowScripts"',
    ]);
  });
});
