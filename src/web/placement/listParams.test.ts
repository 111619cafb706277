import { describe, expect, it } from 'vitest';
import { defaultQueueParams, parseQueueParams, toQuery, toSearchParams } from './listParams';

describe('offer queue parameters', () => {
  it('starts staff with the offers in progress and a company with all of its offers, by next deadline', () => {
    expect(parseQueueParams(new URLSearchParams(), false)).toEqual({
      q: '',
      status: 'open',
      mine: false,
      sort: 'nextDeadline',
      page: 1,
      pageSize: 25,
    });
    expect(parseQueueParams(new URLSearchParams(), true).status).toBe('all');
    expect(toQuery(defaultQueueParams(false))).toMatchObject({ status: 'open', sort: 'nextDeadline', scope: undefined });
    expect(toQuery(defaultQueueParams(true)).status).toBeUndefined();
  });

  it('reads valid values, ignores invalid ones and never gives a company "mine"', () => {
    const sp = new URLSearchParams('status=round_table&mine=true&sort=reference&page=3&q=Linden&pageSize=500');
    expect(parseQueueParams(sp, false)).toEqual({
      q: 'Linden',
      status: 'round_table',
      mine: true,
      sort: 'reference',
      page: 3,
      pageSize: 25,
    });
    expect(parseQueueParams(new URLSearchParams('status=bogus&page=-1'), false)).toMatchObject({ status: 'open', page: 1 });
    expect(parseQueueParams(new URLSearchParams('mine=true'), true).mine).toBe(false);
  });

  it('maps "mine" to scope=mine and "all" to no status', () => {
    expect(toQuery({ ...defaultQueueParams(false), mine: true, status: 'all', q: '  ' })).toMatchObject({
      scope: 'mine',
      status: undefined,
      q: undefined,
    });
  });

  it('writes only non-default values to the URL and reads them back unchanged', () => {
    expect(toSearchParams(defaultQueueParams(false), false).toString()).toBe('');
    const p = { ...defaultQueueParams(false), status: 'all' as const, mine: true, page: 2 };
    const sp = toSearchParams(p, false);
    expect(sp.toString()).toBe('status=all&mine=true&page=2');
    expect(parseQueueParams(sp, false)).toEqual(p);
  });
});
