// bin/vigie.js runs the build when it is current, and the source (saying so) when the source is newer.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let root: string;
beforeAll(() => {
  // A checkout in miniature: the real launcher, a build and a source that each say which one ran.
  root = mkdtempSync(join(tmpdir(), 'vigie-bin-'));
  for (const dir of ['bin', 'dist/src', 'src']) mkdirSync(join(root, dir), { recursive: true });
  copyFileSync(join(process.cwd(), 'bin/vigie.js'), join(root, 'bin/vigie.js'));
  writeFileSync(join(root, 'package.json'), '{"type":"module"}');
  symlinkSync(join(process.cwd(), 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'dist/src/cli.js'), "console.log('compiled');\n");
  writeFileSync(join(root, 'src/cli.ts'), "const ran: string = 'source';\nconsole.log(ran);\n");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = () => {
  const out = execFileSync(process.execPath, [join(root, 'bin/vigie.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.trim();
};

describe('bin/vigie.js', () => {
  it('runs the build when it is newer than every source file', () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(root, 'src/cli.ts'), hourAgo, hourAgo);
    expect(run()).toBe('compiled');
  });

  it('runs the source when a source file changed after the build', () => {
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(join(root, 'dist/src/cli.js'), hourAgo, hourAgo);
    utimesSync(join(root, 'src/cli.ts'), new Date(), new Date());
    expect(run()).toBe('source');
  });
});
