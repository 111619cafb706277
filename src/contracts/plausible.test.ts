import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ZHouseholdCreate, ZJournalCreate } from './households';
import { ZBirthDate, ZMoney, ZPastDate, ZPastTimestamp, ZSinceDate, endNotBeforeStart, todayInBerlin } from './plausible';
import { ZGenericMeasureData, ZVisitListQuery } from './prevention';
import { ZConflictReport, ZContactInput, ZTerminateInput } from './sustainment';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success
    ? []
    : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, params: (i as { params?: unknown }).params }));
};

describe('plausibility building blocks', () => {
  // 23:30 UTC on 5 December is already 6 December in Berlin.
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-05T23:30:00Z'), toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('takes today in Europe/Berlin', () => {
    expect(todayInBerlin()).toBe('2026-12-06');
  });

  it('refuses a birth date in the future or before 1900', () => {
    expect(issuesOf(ZBirthDate, '2026-12-06')).toEqual([]);
    expect(issuesOf(ZBirthDate, '1900-01-01')).toEqual([]);
    expect(issuesOf(ZBirthDate, '2026-12-07')).toEqual([
      { path: '', message: 'Das Geburtsdatum darf nicht in der Zukunft liegen.', params: { plausible: 'birthDateFuture' } },
    ]);
    expect(issuesOf(ZBirthDate, '1899-12-31')).toEqual([
      {
        path: '',
        message: 'Das Geburtsdatum darf nicht vor dem 01.01.1900 liegen.',
        params: { plausible: 'birthDateTooEarly', min: '01.01.1900' },
      },
    ]);
  });

  it('refuses a "since" date or a past day after today', () => {
    expect(issuesOf(ZSinceDate, '2026-12-06')).toEqual([]);
    expect(issuesOf(ZSinceDate, '2026-12-07').map((i) => i.params)).toEqual([{ plausible: 'sinceFuture' }]);
    expect(issuesOf(ZPastDate, '2026-12-07').map((i) => i.message)).toEqual(['Der Tag darf nicht nach heute (06.12.2026) liegen.']);
  });

  it('refuses an instant whose Berlin day is after today', () => {
    expect(issuesOf(ZPastTimestamp, '2026-12-06T22:59:00Z')).toEqual([]); // 23:59 in Berlin
    expect(issuesOf(ZPastTimestamp, '2026-12-06T23:00:00Z').map((i) => i.params)).toEqual([{ plausible: 'afterToday', max: '06.12.2026' }]);
  });

  it('puts an end before the start at the end field', () => {
    const period = z.object({ from: z.string().optional(), to: z.string().optional() }).superRefine(endNotBeforeStart('from', 'to'));
    expect(issuesOf(period, { from: '2026-01-01', to: '2026-01-01' })).toEqual([]);
    expect(issuesOf(period, { from: '2026-01-01' })).toEqual([]);
    expect(issuesOf(period, { from: '2026-01-02', to: '2026-01-01' })).toEqual([
      {
        path: 'to',
        message: 'Das Ende darf nicht vor dem Beginn (02.01.2026) liegen.',
        params: { plausible: 'endBeforeStart', start: '02.01.2026' },
      },
    ]);
  });

  it('states money limits in euros and refuses negative amounts', () => {
    const rent = ZMoney('Kaltmiete', { maxCents: 10_000_000 });
    expect(issuesOf(rent, 10_000_000)).toEqual([]);
    expect(issuesOf(rent, 10_000_001).map((i) => i.message)).toEqual(['Kaltmiete: höchstens 100.000,00\u00a0€.']);
    expect(issuesOf(rent, -1).map((i) => i.message)).toEqual(['Kaltmiete: der Betrag darf nicht negativ sein (mindestens 0,00\u00a0€).']);
    expect(issuesOf(ZMoney('Rate', { min: 1 }), 0).map((i) => i.message)).toEqual(['Rate: mindestens 0,01\u00a0€.']);
  });

  it('is used by the contract schemas', () => {
    const household = {
      situation: 'in_accommodation',
      situationSince: '2027-01-01',
      needs: {},
      members: [{ firstName: 'Anna', lastName: 'Muster', gender: 'female', birthDate: '2030-01-01' }],
    };
    expect(issuesOf(ZHouseholdCreate, household).map((i) => i.path)).toEqual(['situationSince', 'members.0.birthDate']);
    const journal = { occurredAt: '2026-12-07T08:00:00+01:00', kind: 'call', participation: true, text: 'Anruf' };
    expect(issuesOf(ZJournalCreate, journal).map((i) => i.path)).toEqual(['occurredAt']);
    expect(issuesOf(ZGenericMeasureData, { startsOn: '2026-02-01', endsOn: '2026-01-31' }).map((i) => i.path)).toEqual(['endsOn']);
    expect(issuesOf(ZVisitListQuery, { from: '2026-02-01', to: '2026-01-31' }).map((i) => i.path)).toEqual(['to']);
    const terminate = { terminatedOn: '2026-03-01', leaseEndsOn: '2026-02-28', guaranteeContinues: false, version: 1 };
    expect(issuesOf(ZTerminateInput, terminate).map((i) => i.path)).toEqual(['leaseEndsOn']);
    const conflict = { kind: 'conflict', category: 'noise', description: 'Lärm', occurredOn: '2026-12-07' };
    expect(issuesOf(ZConflictReport, conflict).map((i) => i.path)).toEqual(['occurredOn']);
    expect(issuesOf(ZConflictReport, { ...conflict, occurredOn: '2026-12-06' })).toEqual([]);
    const contact = { occurredAt: '2026-12-07T00:00:00+01:00', channel: 'phone', reached: true, note: 'Anruf' };
    expect(issuesOf(ZContactInput, contact).map((i) => i.path)).toEqual(['occurredAt']);
  });
});
