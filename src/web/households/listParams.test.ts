import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, parseListParams, toSearchParams } from './listParams';

describe('household list URL params', () => {
  it('parses defaults from an empty query', () => {
    expect(parseListParams(new URLSearchParams())).toEqual(DEFAULT_PARAMS);
  });
  it('round-trips filters and drops defaults', () => {
    const p = { ...DEFAULT_PARAMS, q: 'Müller', situation: 'at_risk' as const, mine: true, minPersons: 3, page: 4 };
    const sp = toSearchParams(p);
    expect(sp.toString()).toBe('q=M%C3%BCller&situation=at_risk&mine=true&minPersons=3&page=4');
    expect(parseListParams(sp)).toEqual(p);
  });
  it('ignores invalid values', () => {
    const p = parseListParams(new URLSearchParams('situation=x&page=-1&pageSize=9999&sort=evil&minPersons=abc'));
    expect(p).toEqual(DEFAULT_PARAMS);
  });
});
