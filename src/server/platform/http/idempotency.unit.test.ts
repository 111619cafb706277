import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { expectedVersion } from './idempotency.js';

describe('expected version from If-Match and body', () => {
  it('reads strong and weak ETags', () => {
    expect(expectedVersion('"3"', undefined)).toBe(3);
    expect(expectedVersion('W/"4"', 4)).toBe(4);
    expect(expectedVersion(undefined, 5)).toBe(5);
  });
  it('refuses disagreeing or missing versions', () => {
    expect(() => expectedVersion('"3"', 4)).toThrow(AppError);
    expect(() => expectedVersion(undefined, undefined)).toThrowError(expect.objectContaining({ code: 'precondition_required' }));
    expect(() => expectedVersion('"abc"', undefined)).toThrowError(expect.objectContaining({ code: 'precondition_failed' }));
  });
});
