import { describe, expect, it } from 'vitest';
import { createAgency, testDbs } from '../../../../test/helpers.js';
import { seedPrevention } from './prevention.js';

describe('prevention demo seed', () => {
  it('gives an agency cases in every state, with deadlines and visits, once', async () => {
    const a = await createAgency();
    const { owner } = testDbs();
    await seedPrevention(owner, [{ id: a.id, city: 'Hannover', postal: '30159' }]);
    await seedPrevention(owner, [{ id: a.id, city: 'Hannover', postal: '30159' }]);
    const cases = await owner
      .selectFrom('prevention_cases')
      .select(['id', 'status', 'outcome', 'next_contact_step', 'first_contact_at', 'eviction_at'])
      .where('agency_id', '=', a.id)
      .execute();
    expect(cases).toHaveLength(5);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(['contacting', 'clearing', 'measures', 'closed']));
    expect(cases.find((c) => c.status === 'closed')!.outcome).toBe('home_kept');
    expect(cases.filter((c) => c.status !== 'contacting').every((c) => c.first_contact_at !== null && c.next_contact_step === null)).toBe(
      true,
    );
    const open = await owner
      .selectFrom('deadlines')
      .select(['subject_id', 'kind'])
      .where('agency_id', '=', a.id)
      .where('status', '=', 'open')
      .execute();
    const contacting = cases.filter((c) => c.status === 'contacting').map((c) => c.id);
    expect(
      open
        .filter((d) => d.kind === 'prevention_contact')
        .map((d) => d.subject_id)
        .sort(),
    ).toEqual([...contacting].sort());
    expect(open.some((d) => d.kind === 'prevention_eviction')).toBe(true);
    expect(await owner.selectFrom('prevention_visits').select('id').where('agency_id', '=', a.id).execute()).toHaveLength(2);
  });
});
