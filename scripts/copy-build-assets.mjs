// After tsc: the files the compiled code reads next to itself (dashboard pages, bundled lexicons).
// Usage: node scripts/copy-build-assets.mjs [outDir]   (default dist; the bench builds elsewhere)
import { cpSync } from 'node:fs';

const outDir = process.argv[2] ?? 'dist';
for (const dir of ['src/api/public', 'src/scoring/lexicons']) {
  cpSync(dir, `${outDir}/${dir}`, { recursive: true, filter: (path) => !path.endsWith('.ts') });
}
