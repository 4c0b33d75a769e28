// Throughput of the full scorer (language + sentiment + influence + risk) against the bare `sentiment` package, one core.
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import type { MentionInput } from '../src/domain/mention.js';
import { createScorer } from '../src/scoring/scorer.js';
import type { SentimentModel } from '../src/scoring/learning/sentiment-model.js';
import type { TargetStance } from '../src/scoring/target-stance.js';

const WARM_UP = 300;
const MIN_MEASURE_MS = 1000;
const RUNS = 3;

interface Rate {
  /** Texts per second of elapsed time. */
  wall: number;
  /**
   * Texts per second of this process's CPU time (user + system): other processes on a shared core slow the wall
   * figure down, much less this one.
   */
  cpu: number;
}

type Work = (text: string, i: number) => unknown;

/**
 * Texts per second of each work: warm-up, then three rounds in which every work takes its turn for at least 1 s; the
 * median round of each. Taking turns puts every work through the same spells of a shared machine (its speed moved by a
 * third within a minute here), so their ratios hold even when the absolute figures move.
 */
function throughputs<K extends string>(texts: string[], works: Record<K, Work>): Record<K, Rate> {
  const names = Object.keys(works) as K[];
  for (const name of names) for (let i = 0; i < Math.min(WARM_UP, texts.length); i++) works[name](texts[i], i);
  const samples = Object.fromEntries(names.map((name) => [name, { wall: [] as number[], cpu: [] as number[] }])) as Record<K, Record<keyof Rate, number[]>>;
  for (let run = 0; run < RUNS; run++) {
    for (const name of names) {
      const work = works[name];
      let done = 0;
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      let elapsed = 0;
      do {
        for (let i = 0; i < texts.length; i++) work(texts[i], i);
        done += texts.length;
        elapsed = performance.now() - start;
      } while (elapsed < MIN_MEASURE_MS);
      const used = process.cpuUsage(cpuStart);
      samples[name].wall.push((done * 1000) / elapsed);
      samples[name].cpu.push((done * 1e6) / (used.user + used.system));
    }
  }
  const median = (rates: number[]): number => Math.round(rates.sort((a, b) => a - b)[Math.floor(RUNS / 2)]);
  return Object.fromEntries(names.map((name) => [name, { wall: median(samples[name].wall), cpu: median(samples[name].cpu) }])) as Record<K, Rate>;
}

function asMention(text: string, i: number): MentionInput {
  return {
    platform: 'x',
    externalId: String(i),
    text,
    publishedAt: '2026-01-01T00:00:00Z',
    author: { platform: 'x', externalId: `a${i % 500}`, handle: `user${i % 500}`, followers: (i * 7919) % 100_000 },
    engagement: { likes: i % 40, reshares: i % 7, replies: i % 5, quotes: i % 3 },
  };
}

export interface ScoringSpeed {
  vigiePerSec: number;
  sentimentPerSec: number;
  vigieCpuPerSec: number;
  sentimentCpuPerSec: number;
  /** The same scorer with a trained sentiment model loaded, measured in turn with the two others (when a model is given). */
  withModelPerSec?: number;
  withModelCpuPerSec?: number;
}

/** The score stage's second step: each mention's tone per linked entity, with the entities the collect stage matched. */
export interface StanceWork {
  stance: TargetStance;
  entityIds: string[][];
}

export async function benchScoring(texts: string[], sentimentModel?: SentimentModel, targets?: StanceWork): Promise<ScoringSpeed> {
  const mentions = texts.map(asMention);
  const stageWork = (model?: SentimentModel): Work => {
    const scorer = createScorer({ maskTerms: ['Acme', 'AcmeAir', 'Zéphyr Telecom'], ownHandles: ['acme_support'], sentimentModel: model });
    return (text, i) => {
      const scores = scorer.score(mentions[i]);
      return targets ? targets.stance.targets({ text, lang: scores.lang, tone: scores.sentiment.label, entityIds: targets.entityIds[i] }) : scores;
    };
  };
  const analyser = new Sentiment();
  const works: Record<string, Work> = { vigie: stageWork(), sentiment: (text) => analyser.analyze(text) };
  if (sentimentModel) works.withModel = stageWork(sentimentModel);
  const rates = throughputs(texts, works);
  return {
    vigiePerSec: rates.vigie.wall,
    sentimentPerSec: rates.sentiment.wall,
    vigieCpuPerSec: rates.vigie.cpu,
    sentimentCpuPerSec: rates.sentiment.cpu,
    ...(rates.withModel ? { withModelPerSec: rates.withModel.wall, withModelCpuPerSec: rates.withModel.cpu } : {}),
  };
}

// A synthetic mixed stream: English and French brand mentions built from templates, never from labelled data.
const SUBJECTS_EN = ['my flight', 'the app', 'my order', 'the new phone', 'customer service', 'my refund', 'the website', 'your crew'];
const COMMENTS_EN = [
  'was cancelled again and nobody answers', 'is absolutely amazing, thanks!', 'still not working after 3 hours on hold',
  'arrived on time, well done', 'is sooo slow today 😡', 'is fine I guess', 'not bad at all :)', 'keeps crashing #epicfail',
  'was delayed, any update?', 'I love it ❤️', 'overheated and caught fire, unsafe', 'where is my package',
];
const SUBJECTS_FR = ['mon vol', "l'appli", 'ma commande', 'le service client', 'mon remboursement', 'le site', 'la livraison', 'le train'];
const COMMENTS_FR = [
  "n'est toujours pas arrivé, j'attends depuis des heures", "est vraiment génial, merci !", "c'est pas terrible du tout",
  'ne marche plus depuis hier 😤', 'au top comme toujours 👍', 'est nuuuul', 'en retard encore une fois #honte',
  "c'est une arnaque, je vais porter plainte", 'rien à dire, parfait', 'aucune réponse à mes messages', 'pas mal du tout',
];

export function syntheticStream(size: number): string[] {
  const texts: string[] = [];
  for (let i = 0; i < size; i++) {
    const french = i % 3 === 0;
    const subjects = french ? SUBJECTS_FR : SUBJECTS_EN;
    const comments = french ? COMMENTS_FR : COMMENTS_EN;
    const handle = i % 4 === 0 ? '@AcmeAir ' : i % 4 === 1 ? '@acme_support ' : '';
    const link = i % 5 === 0 ? ' https://example.com/p/' + i : '';
    texts.push(`${handle}${subjects[i % subjects.length]} ${comments[(i * 7) % comments.length]}${link} #${i % 50}`);
  }
  return texts;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const speed = await benchScoring(syntheticStream(5000));
  const fmt = (n: number): string => n.toLocaleString('en');
  console.log(`vigie createScorer().score(): ${fmt(speed.vigiePerSec)} mentions/s (one core; ${fmt(speed.vigieCpuPerSec)} per CPU-second)`);
  console.log(`sentiment (AFINN-165) alone:  ${fmt(speed.sentimentPerSec)} texts/s (${fmt(speed.sentimentCpuPerSec)} per CPU-second)`);
}
