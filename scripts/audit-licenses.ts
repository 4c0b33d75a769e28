// `npm run audit:licenses`: every production dependency's licence against an AGPL-3.0-compatible allow-list, and no
// install script beyond package.json "allowScripts". Offline (npm audit cannot reach its advisories endpoint here).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import satisfies from 'spdx-satisfies';

/**
 * Licences whose code an AGPL-3.0-or-later program may include: the FSF's list of licences compatible with GPLv3
 * (https://www.gnu.org/licenses/license-list.html), in SPDX identifiers. Anything else needs a human decision first.
 */
export const ALLOWED_LICENSES = [
  '0BSD', 'MIT', 'MIT-0', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', 'BlueOak-1.0.0', 'Zlib', 'BSL-1.0', 'UPL-1.0',
  'X11', 'Unlicense', 'CC0-1.0', 'CC-BY-4.0', 'WTFPL', 'Python-2.0', 'Artistic-2.0', 'Unicode-DFS-2016', 'Unicode-3.0', 'MPL-2.0',
  'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0-only', 'LGPL-3.0-or-later', 'GPL-3.0-only', 'GPL-3.0-or-later',
  'AGPL-3.0-only', 'AGPL-3.0-or-later',
];

/** Packages whose package.json names no licence, read by hand; pinned to the version read, so an update is read again. */
export const REVIEWED: Record<string, string> = {
  'sylvester@0.0.21': 'MIT', // its LICENSE.txt is the MIT licence; used by natural
};

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'] as const;

export interface LockPackage {
  name?: string;
  version?: string;
  license?: string;
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
  link?: boolean;
}

export interface Lockfile {
  packages: Record<string, LockPackage>;
}

/** The parts of an installed package.json the audit reads, old licence forms included. */
export interface PackageManifest {
  license?: string | { type?: string };
  licenses?: Array<{ type?: string }>;
  scripts?: Record<string, string>;
  gypfile?: boolean;
}

export interface AuditInput {
  lockfile: Lockfile;
  /** The installed package.json at a lockfile path (node_modules/...), or undefined when not installed. */
  readManifest: (path: string) => PackageManifest | undefined;
  allowScripts: readonly string[];
}

export interface AuditReport {
  problems: string[];
  productionPackages: number;
  /** Licence expression -> how many production packages carry it. */
  licenses: Map<string, number>;
  /** Packages that run an install script (all allowed when there is no problem). */
  installScripts: string[];
}

const nameOf = (path: string, entry: LockPackage) => entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

function declaredLicense(manifest: PackageManifest | undefined, entry: LockPackage): string | undefined {
  const license = manifest?.license ?? entry.license;
  if (typeof license === 'string') return license;
  if (license?.type) return license.type;
  // The old `licenses` array listed the licences one may choose from.
  const types = (manifest?.licenses ?? []).map((l) => l.type).filter((t): t is string => Boolean(t));
  return types.length > 0 ? types.join(' OR ') : undefined;
}

function licenseProblem(license: string | undefined): string | undefined {
  if (license === undefined) return 'no licence declared';
  try {
    return satisfies(license, ALLOWED_LICENSES) ? undefined : `licence ${license} is not compatible with AGPL-3.0-or-later`;
  } catch {
    return `licence "${license}" is not an SPDX expression`;
  }
}

const runsInstallScript = (manifest: PackageManifest | undefined, entry: LockPackage) =>
  entry.hasInstallScript === true || INSTALL_SCRIPTS.some((s) => manifest?.scripts?.[s]) || manifest?.gypfile === true;

/** Production means not dev-only: what `npm ci --omit=dev` installs, optional platform packages included. */
export function auditDependencies({ lockfile, readManifest, allowScripts }: AuditInput): AuditReport {
  const problems: string[] = [];
  const licenses = new Map<string, number>();
  const installScripts: string[] = [];
  let productionPackages = 0;
  for (const [path, entry] of Object.entries(lockfile.packages)) {
    if (path === '' || entry.link) continue;
    const id = `${nameOf(path, entry)}@${entry.version ?? '?'}`;
    const manifest = readManifest(path);
    if (!entry.dev) {
      productionPackages++;
      const license = declaredLicense(manifest, entry) ?? REVIEWED[id];
      const problem = licenseProblem(license);
      if (problem) problems.push(`${id}: ${problem}`);
      else licenses.set(license!, (licenses.get(license!) ?? 0) + 1);
    }
    if (runsInstallScript(manifest, entry)) {
      installScripts.push(nameOf(path, entry));
      if (!allowScripts.includes(nameOf(path, entry))) problems.push(`${id}: runs an install script, and is not in package.json "allowScripts"`);
    }
  }
  return { problems, productionPackages, licenses, installScripts };
}

function main(): void {
  const lockfile = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lockfile;
  const allowScripts = Object.entries(JSON.parse(readFileSync('package.json', 'utf8')).allowScripts ?? {}).filter(([, on]) => on === true).map(([name]) => name);
  const readManifest = (path: string) => (existsSync(`${path}/package.json`) ? (JSON.parse(readFileSync(`${path}/package.json`, 'utf8')) as PackageManifest) : undefined);
  const report = auditDependencies({ lockfile, readManifest, allowScripts });
  const counts = [...report.licenses].sort((a, b) => b[1] - a[1]).map(([license, n]) => `${license} ${n}`).join(', ');
  console.log(`${report.productionPackages} production packages: ${counts}`);
  console.log(`install scripts: ${report.installScripts.join(', ') || 'none'} (allowed: ${allowScripts.join(', ')})`);
  if (report.problems.length > 0) {
    console.error(`\n${report.problems.length} problem(s):\n${report.problems.map((p) => `  ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
