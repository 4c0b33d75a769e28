// Turns the error one stream of a source met into a StreamFailure, so the other streams' work is kept.
import { RateLimitedError, type StreamFailure } from '../source.js';
import { HttpStatusError, TransientError } from './http-errors.js';

/** The first line of an error's message, bounded: failures are shown in logs, doctor and /ready. */
export function oneLineError(error: unknown): string {
  if (error instanceof RateLimitedError) return `rate limited until ${new Date(error.resetAt).toISOString()}`;
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

export function statusOf(error: unknown): number | undefined {
  if (error instanceof HttpStatusError) return error.status;
  if (error instanceof TransientError) return error.status;
  if (error instanceof RateLimitedError) return 429;
  return undefined;
}

export function streamFailure(stream: string, error: unknown): StreamFailure {
  const status = statusOf(error);
  return { stream, message: oneLineError(error), ...(status !== undefined && { status }) };
}

/**
 * Runs each stream on its own: one that throws is reported, the others' results are kept. When
 * every stream failed, the first error is thrown, so the caller's retry and rate-limit rules apply
 * as for a one-stream source. An abort is never a stream's failure: it stops the run.
 */
export async function eachStream<S extends { key: string }>(streams: readonly S[], run: (stream: S) => Promise<void>, signal?: AbortSignal): Promise<StreamFailure[]> {
  const failures: StreamFailure[] = [];
  let firstError: unknown;
  for (const stream of streams) {
    try {
      await run(stream);
    } catch (error) {
      if (signal?.aborted) throw error;
      if (failures.length === 0) firstError = error;
      failures.push(streamFailure(stream.key, error));
    }
  }
  if (streams.length > 0 && failures.length === streams.length) throw firstError;
  return failures;
}
