// The key that signs acknowledge links: configured, else derived from the API token, else one kept under the data folder.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function linkSecret(api: { linkSecret: string; token: string }, dataDir: string): string {
  if (api.linkSecret) return api.linkSecret;
  if (api.token) return createHash('sha256').update(`vigie-links\n${api.token}`).digest('hex');
  const file = join(dataDir, 'link-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
