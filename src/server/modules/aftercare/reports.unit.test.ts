import { describe, expect, it } from 'vitest';
import { SMALL_CELL, suppress } from './reports.service.js';

describe('aftercare report suppression', () => {
  it('suppresses cells below five and keeps the others, sorted by key', () => {
    expect(SMALL_CELL).toBe(5);
    expect(
      suppress([
        ['secured_tenancy', 4],
        ['precarious_housing', 5],
        ['other', 0],
        ['big', 120],
      ]),
    ).toEqual([
      { key: 'big', count: 120 },
      { key: 'other', count: null },
      { key: 'precarious_housing', count: 5 },
      { key: 'secured_tenancy', count: null },
    ]);
  });
});
