// After tsc: the files the compiled code reads next to itself (dashboard pages, bundled lexicons).
import { cpSync } from 'node:fs';

for (const dir of ['src/api/public', 'src/scoring/lexicons']) {
  cpSync(dir, `dist/${dir}`, { recursive: true, filter: (path) => !path.endsWith('.ts') });
}
