import { isRetryable, newIdempotencyKey } from '../api';

/**
 * Idempotency-Key bookkeeping for one form: the same payload sent again (automatic retry, or the
 * user pressing "Speichern" again after a network failure) reuses its key; a changed payload is a
 * new submission attempt with a new key. After a definitive answer the key is dropped; after a
 * retryable failure (no answer, 429, 502–504) it is kept.
 */
export class IdempotencyKeys {
  private last: { key: string; payload: string } | null = null;
  constructor(private readonly generate: () => string = newIdempotencyKey) {}

  current(payload?: unknown): string {
    const serialized = JSON.stringify(payload ?? null);
    if (!this.last || this.last.payload !== serialized) this.last = { key: this.generate(), payload: serialized };
    return this.last.key;
  }

  settle(err?: unknown): void {
    if (!err || !isRetryable(err)) this.last = null;
  }
}
