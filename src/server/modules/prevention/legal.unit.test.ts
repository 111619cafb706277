import { describe, expect, it } from 'vitest';
import { addMonths, legalClock, type LegalFacts } from './legal.js';

const facts = (over: Partial<LegalFacts> = {}): LegalFacts => ({
  lawsuitServedOn: null,
  terminationOn: null,
  previousCureOn: null,
  ordinaryTermination: false,
  writtenProceedingsServedOn: null,
  hearingAt: null,
  evictionAt: null,
  ...over,
});
const TODAY = '2026-11-21';

describe('addMonths (§ 188 Abs. 2 and 3 BGB)', () => {
  it('ends on the day with the same number, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 2)).toBe('2026-05-15');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-12-30', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-29', 2)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 2)).toBe('2026-10-31');
    expect(addMonths('2026-07-31', 2)).toBe('2026-09-30');
    expect(addMonths('2026-11-01', -24)).toBe('2024-11-01');
    expect(addMonths('2028-02-29', -24)).toBe('2026-02-28');
  });
});

describe('legal clock: cure period', () => {
  it('is service date + 2 months on a working day', () => {
    const c = legalClock(facts({ lawsuitServedOn: '2026-03-15' }), 'NI', TODAY);
    expect(c.cureEnd).toBe('2026-05-15');
    expect(c.cureEndUnshifted).toBe('2026-05-15');
    expect(c.cureAvailable).toBe(true);
    expect(c.paymentAloneSaves).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  it('served 31 Dec ends on the last day of February; a Sunday end moves to Monday (§ 193 BGB)', () => {
    const c = legalClock(facts({ lawsuitServedOn: '2026-12-31' }), 'BE', TODAY);
    expect(c.cureEndUnshifted).toBe('2027-02-28'); // a Sunday
    expect(c.cureEnd).toBe('2027-03-01');
    expect(c.warnings[0]).toContain('Sonntag, 28.02.2027');
    expect(c.warnings[0]).toContain('Montag, 01.03.2027');
  });

  it('leap year: served 31 Dec 2027 ends on 29 Feb 2028 (a Tuesday, no shift)', () => {
    const c = legalClock(facts({ lawsuitServedOn: '2027-12-31' }), 'NI', TODAY);
    expect(c.cureEnd).toBe('2028-02-29');
    expect(c.cureEndUnshifted).toBe('2028-02-29');
  });

  it('a Saturday end moves to Monday', () => {
    const c = legalClock(facts({ lawsuitServedOn: '2026-03-30' }), 'BW', TODAY);
    expect(c.cureEndUnshifted).toBe('2026-05-30');
    expect(c.cureEnd).toBe('2026-06-01');
  });

  it("uses the agency's state holidays: Reformation Day in Lower Saxony, Women's Day in Berlin", () => {
    expect(legalClock(facts({ lawsuitServedOn: '2025-08-31' }), 'NI', TODAY).cureEnd).toBe('2025-11-03');
    expect(legalClock(facts({ lawsuitServedOn: '2025-08-31' }), 'BE', TODAY).cureEnd).toBe('2025-10-31');
    expect(legalClock(facts({ lawsuitServedOn: '2027-01-08' }), 'BE', TODAY).cureEnd).toBe('2027-03-09');
    expect(legalClock(facts({ lawsuitServedOn: '2027-01-08' }), 'NI', TODAY).cureEnd).toBe('2027-03-08');
  });

  it('is not available when a termination was cured within the two years before the current one', () => {
    const c = legalClock(facts({ lawsuitServedOn: '2026-11-10', terminationOn: '2026-11-01', previousCureOn: '2025-03-01' }), 'NI', TODAY);
    expect(c.cureAvailable).toBe(false);
    expect(c.cureEnd).toBeNull();
    expect(c.paymentAloneSaves).toBe(false);
    expect(c.cureUnavailableReason).toContain('01.03.2025');
    expect(c.warnings).toContain(c.cureUnavailableReason);
    // exactly two years before still counts ("vor nicht länger als zwei Jahren")
    expect(legalClock(facts({ terminationOn: '2026-11-01', previousCureOn: '2024-11-01' }), 'NI', TODAY).cureAvailable).toBe(false);
    // longer ago: available again
    const later = legalClock(
      facts({ lawsuitServedOn: '2026-11-10', terminationOn: '2026-11-01', previousCureOn: '2024-10-31' }),
      'NI',
      TODAY,
    );
    expect(later.cureAvailable).toBe(true);
    expect(later.cureEnd).toBe('2027-01-11'); // 10.01.2027 is a Sunday
  });

  it('without a termination date, counts the two years back from the service date', () => {
    expect(legalClock(facts({ lawsuitServedOn: '2026-06-01', previousCureOn: '2024-07-01' }), 'NI', TODAY).cureAvailable).toBe(false);
    expect(legalClock(facts({ lawsuitServedOn: '2026-06-01', previousCureOn: '2024-05-31' }), 'NI', TODAY).cureAvailable).toBe(true);
  });

  it('ordinary termination: paying alone does not save the tenancy, and the case says so', () => {
    const c = legalClock(facts({ lawsuitServedOn: '2026-03-15', ordinaryTermination: true }), 'NI', TODAY);
    expect(c.cureAvailable).toBe(true);
    expect(c.cureEnd).toBe('2026-05-15');
    expect(c.ordinaryTermination).toBe(true);
    expect(c.paymentAloneSaves).toBe(false);
    expect(c.warnings.join(' ')).toContain('ordentlich gekündigt');
  });

  it('no service date: no cure end', () => {
    const c = legalClock(facts({ terminationOn: '2026-10-01' }), 'NI', TODAY);
    expect(c.cureEnd).toBeNull();
    expect(c.cureAvailable).toBe(true);
  });
});

describe('legal clock: defence period and dates', () => {
  it('two weeks from service of the written preliminary proceedings order, shifted past holidays', () => {
    expect(legalClock(facts({ writtenProceedingsServedOn: '2026-11-20' }), 'NI', TODAY).defenceEnd).toBe('2026-12-04');
    expect(legalClock(facts({ writtenProceedingsServedOn: '2026-12-11' }), 'NI', TODAY).defenceEnd).toBe('2026-12-28');
  });
  it('passes hearing and eviction dates through', () => {
    const c = legalClock(facts({ hearingAt: '2026-12-10T09:00:00.000Z', evictionAt: '2027-01-15T08:00:00.000Z' }), 'NI', TODAY);
    expect(c.hearingAt).toBe('2026-12-10T09:00:00.000Z');
    expect(c.evictionAt).toBe('2027-01-15T08:00:00.000Z');
  });
});
