// Typed failures of a platform call, so one retry policy can treat every connector alike.

/** The platform said "too many requests"; `resetAt` (epoch ms) is when it allows the next call. */
export class TooManyRequestsError extends Error {
  constructor(public readonly resetAt: number | undefined) {
    super('too many requests');
    this.name = 'TooManyRequestsError';
  }
}

/** A failure that may pass if tried again: 5xx, network, timeout. */
export class TransientError extends Error {
  constructor(message: string, public readonly status?: number) {
    super(message);
    this.name = 'TransientError';
  }
}

/** A refusal that retrying cannot fix (401, 403, 404, 400...). The message never carries a secret. */
export class HttpStatusError extends Error {
  constructor(public readonly status: number, message: string, public readonly body?: string) {
    super(message);
    this.name = 'HttpStatusError';
  }
}
