// Writes a JSONL file of mentions for pipeline tests: calm days of mixed posts, then a burst of angry ones.
import { writeFileSync } from 'node:fs';
import type { MentionInput } from '../../src/domain/mention.js';

const CALM = [
  'Just set up my new Acme blender, works fine so far',
  'Does anyone know if Acme ships to Belgium?',
  'Acme customer service answered in 5 minutes, impressed 👍',
  "J'ai acheté un mixeur Acme hier, plutôt content",
  'Acme vs Brandy: which blender is quieter?',
  'Le nouveau Acme est sorti, quelqu’un l’a testé ?',
  'Acme store in Lyon opens next week',
  'meh, my Acme toaster is ok I guess',
];
const ANGRY = [
  'My Acme blender caught fire in the kitchen!!! This is dangerous, recall it now @acme',
  'Acme blender exploded, glass everywhere. Still waiting for a refund. Never again',
  'Mon mixeur Acme a pris feu, c’est une honte, remboursement toujours pas reçu',
  'Boycott Acme until they recall the blender. Unsafe product, a lawsuit is coming',
  'Acme refuses to refund a blender that burned. Scam. #AcmeFail',
];

export interface CrisisFile {
  path: string;
  calmCount: number;
  angryCount: number;
  crisisStart: number;
  mentions: MentionInput[];
}

/** Calm: `days` days at about `perHour` mentions an hour. Then `angry` angry mentions over 30 minutes, ending at `end`. */
export function writeCrisisFile(path: string, opts: { end: number; days?: number; perHour?: number; angry?: number }): CrisisFile {
  const days = opts.days ?? 3;
  const perHour = opts.perHour ?? 6;
  const angry = opts.angry ?? 120;
  const crisisStart = opts.end - 30 * 60_000;
  const start = crisisStart - days * 86_400_000;
  const mentions: MentionInput[] = [];
  const author = (i: number, followers: number) => ({ platform: 'file', externalId: `u${i}`, handle: `user${i}`, followers });
  let n = 0;
  for (let t = start; t < crisisStart; t += 3_600_000 / perHour) {
    const text = CALM[n % CALM.length];
    mentions.push({
      platform: 'file', externalId: `calm-${n}`, text: `${text} (${n})`, publishedAt: new Date(t).toISOString(),
      author: author(n % 97, 50 + (n % 13) * 40), engagement: { likes: n % 5, reshares: 0, replies: n % 2, quotes: 0 },
    });
    n++;
  }
  for (let i = 0; i < angry; i++) {
    const t = crisisStart + Math.floor((i / angry) * 29 * 60_000);
    mentions.push({
      platform: 'file', externalId: `angry-${i}`, text: `${ANGRY[i % ANGRY.length]} #${i}`, publishedAt: new Date(t).toISOString(),
      author: author(1000 + i, i === 0 ? 410_000 : 100 + i * 7), engagement: { likes: 20 + i, reshares: i === 0 ? 900 : 3, replies: 5, quotes: 1 },
    });
  }
  writeFileSync(path, mentions.map((m) => JSON.stringify(m)).join('\n') + '\n');
  return { path, calmCount: n, angryCount: angry, crisisStart, mentions };
}
