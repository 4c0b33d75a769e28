#!/usr/bin/env node
// The `vigie` executable: the compiled CLI after `npm run build`, otherwise the TypeScript source through tsx.
// A build older than the source it came from is not used: a checkout edited after `npm run build` would
// otherwise run yesterday's code without a word.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const sourceDir = fileURLToPath(new URL('../src', import.meta.url));

/** The newest modification time of the TypeScript sources, or 0 when there are none (an installed package). */
function newestSource() {
  if (!existsSync(sourceDir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(sourceDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  }
  return newest;
}

const builtAt = existsSync(compiled) ? statSync(compiled).mtimeMs : 0;
const stale = builtAt > 0 && newestSource() > builtAt;
if (builtAt > 0 && !stale) {
  await import(pathToFileURL(compiled).href);
} else {
  if (stale) process.stderr.write('vigie: dist/ is older than src/, running the source (run `npm run build` to refresh dist/)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli.ts', import.meta.url).href);
}
