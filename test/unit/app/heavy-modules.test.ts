// Every Vigie process imports the whole command set; the chart and PDF renderers must still load only when used.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The npm packages loaded (as CommonJS, like these three) after importing `module` in a fresh Node process. */
function packagesLoadedBy(module: string): string[] {
  const script = `import(${JSON.stringify(resolve(ROOT, module))}).then(() => {
    const loaded = Object.keys(require.cache).map((p) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(p)?.[1]).filter(Boolean);
    console.log(JSON.stringify([...new Set(loaded)]));
  })`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe('heavy renderers', () => {
  it('are not loaded by a worker or the API: they cost about 1 s and 70 MB at every start', () => {
    const loaded = packagesLoadedBy('src/commands/start.ts');
    expect(loaded).toContain('bullmq'); // the probe sees CommonJS packages at all
    expect(loaded).not.toContain('playwright-core');
    expect(loaded).not.toContain('echarts');
    expect(loaded).not.toContain('@resvg/resvg-js');
  }, 60_000);
});
