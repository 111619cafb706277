import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api';
import { IdempotencyKeys } from './idempotency';

const problem = (status: number, code: string) => new ApiError(status, { type: 'about:blank', title: code, status, code });

describe('IdempotencyKeys', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('reuses the key for a retried submission after a network failure', () => {
    const keys = new IdempotencyKeys(counter());
    expect(keys.current({ a: 1 })).toBe('key-1');
    keys.settle(new NetworkError());
    expect(keys.current({ a: 1 })).toBe('key-1');
  });
  it('uses a new key once the server answered definitively', () => {
    const keys = new IdempotencyKeys(counter());
    keys.current({ a: 1 });
    keys.settle(problem(400, 'validation_failed'));
    expect(keys.current({ a: 1 })).toBe('key-2');
    keys.settle();
    expect(keys.current({ a: 1 })).toBe('key-3');
  });
  it('uses a new key when the payload changed', () => {
    const keys = new IdempotencyKeys(counter());
    keys.current({ a: 1 });
    keys.settle(problem(503, 'internal'));
    expect(keys.current({ a: 2 })).toBe('key-2');
  });
});
