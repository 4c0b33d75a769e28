// Runs the learning's CPU work (cross-validation and training) on a worker thread. Trained in the process's own thread,
// 1,000 labels blocked its event loop for about 15 s and 8,000 for minutes: in `vigie start` the API, the detectors and
// the alert emails all waited for it, and a maintain job that held the loop past its lock was taken as stalled and
// trained again by another worker. On its own thread the process goes on, and its job lock is renewed.
import { Worker } from 'node:worker_threads';
import type { CrossValidation, SentimentExample, SentimentModel, TagExample, TagModel } from '../scoring/learning/index.js';

export type TrainingTask =
  | { kind: 'sentiment'; examples: SentimentExample[]; folds: number }
  | { kind: 'tags'; examples: TagExample[]; tagIds: string[] };

export type TrainingAnswer<T extends TrainingTask> = T extends { kind: 'sentiment' } ? { cv: CrossValidation; model: SentimentModel } : { model: TagModel };

// Compiled, the thread runs the JavaScript next to this file. Run from source (tsx, vitest), it registers tsx first and
// then imports the TypeScript file: a worker thread takes neither its parent's loader nor `--import` in Node 20.
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const THREAD_ENTRY = new URL(`./training-thread.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url);
const sourceBootstrap = () => {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(THREAD_ENTRY.href)}); })`;
};

export function trainOffThread<T extends TrainingTask>(task: T): Promise<TrainingAnswer<T>> {
  return new Promise((resolve, reject) => {
    const thread = FROM_SOURCE ? new Worker(sourceBootstrap(), { eval: true, workerData: task }) : new Worker(THREAD_ENTRY, { workerData: task });
    let answered = false;
    thread.once('message', (answer: TrainingAnswer<T>) => {
      answered = true;
      resolve(answer);
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (!answered) reject(new Error(`the training thread stopped (exit code ${code}) before answering`));
    });
  });
}
