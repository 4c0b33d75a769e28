// The training thread's entry (see off-thread-training.ts): one task in, its result out, then the thread ends.
import { parentPort, workerData } from 'node:worker_threads';
import { crossValidate, trainSentimentModel, trainTagClassifier } from '../scoring/learning/index.js';
import type { TrainingTask } from './off-thread-training.js';

const task = workerData as TrainingTask;
parentPort?.postMessage(
  task.kind === 'sentiment'
    ? { cv: crossValidate(task.examples, task.folds), model: trainSentimentModel(task.examples) }
    : { model: trainTagClassifier(task.examples, task.tagIds) },
);
