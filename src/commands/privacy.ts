// `vigie forget` and `vigie export-author`: erasure and access requests about one author.
import { writeFileSync } from 'node:fs';
import { exportAuthor, forgetAuthor } from '../store/privacy-repository.js';
import { withStore } from './with-store.js';

export async function runForget(configPath: string, platform: string, author: string): Promise<void> {
  const result = await withStore(configPath, (store) => forgetAuthor(store.db, { platform, author }));
  if (result.authors === 0) {
    console.log(`no author ${author} on ${platform}: nothing to erase`);
    return;
  }
  console.log(`erased ${result.authors} author record(s) and ${result.mentions} mention(s); the handle was removed from ${result.redacted} other mention(s). The erasure is logged without the author's identity.`);
}

export async function runExportAuthor(configPath: string, platform: string, author: string, out?: string): Promise<void> {
  const data = await withStore(configPath, (store) => exportAuthor(store.db, { platform, author }));
  const json = JSON.stringify(data, null, 2);
  if (out) {
    writeFileSync(out, json, { mode: 0o600 });
    console.log(`${out}: ${data.authors.length} author record(s), ${data.mentions.length} mention(s), ${data.quarantined.length} quarantined item(s)`);
  } else {
    console.log(json);
  }
}
