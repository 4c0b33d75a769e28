// The job registry: which handler serves which queue. Checked at start-up so a queue without a handler fails loudly.
import type { HandlerRegistry } from '../src/queue/worker-runtime.js';
import { collect } from './collect.js';
import { detect } from './detect.js';
import { digest } from './digest.js';
import { maintain } from './maintain.js';
import { notify } from './notify.js';
import { score } from './score.js';

export const handlers: HandlerRegistry = { collect, score, detect, notify, maintain, digest };
