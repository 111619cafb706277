import { describe, expect, it } from 'vitest';
import { defaultQueueParams, parseQueueParams, toQuery, toSearchParams } from './listParams';

describe('prevention queue params', () => {
  it('starts with all open cases by urgency and keeps defaults out of the URL', () => {
    const p = parseQueueParams(new URLSearchParams(''));
    expect(p).toEqual(defaultQueueParams());
    expect(toSearchParams(p).toString()).toBe('');
    expect(toQuery(p)).toMatchObject({ status: 'open', sort: 'urgency', page: 1, pageSize: 25, mine: undefined, source: undefined });
  });

  it('round-trips filters through the URL and drops unknown values', () => {
    const sp = new URLSearchParams(
      'q=Meier&status=clearing&source=court_notice&mine=true&overdue=true&eviction=true&sort=reference&page=3',
    );
    const p = parseQueueParams(sp);
    expect(p).toMatchObject({
      q: 'Meier',
      status: 'clearing',
      source: 'court_notice',
      mine: true,
      overdue: true,
      evictionScheduled: true,
      sort: 'reference',
      page: 3,
    });
    expect(parseQueueParams(toSearchParams(p))).toEqual(p);
    expect(toQuery(p)).toMatchObject({
      q: 'Meier',
      status: 'clearing',
      source: 'court_notice',
      mine: 'true',
      overdue: 'true',
      evictionScheduled: 'true',
    });
    const bad = parseQueueParams(new URLSearchParams('status=lost&source=x&sort=name&page=0&pageSize=500'));
    expect(bad).toMatchObject({ status: 'open', source: '', sort: 'urgency', page: 1, pageSize: 25 });
  });
});
