import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import {
  addMonths,
  ledgerValid,
  nextInstalment,
  openClaimCents,
  payout,
  recover,
  remainingCents,
  remainingTime,
  type Ledger,
} from './ledger.js';

const op = fc.oneof(
  fc.record({ kind: fc.constant('payout' as const), cents: fc.integer({ min: -5, max: 400_000 }) }),
  fc.record({ kind: fc.constant('recover' as const), cents: fc.integer({ min: -5, max: 200_000 }) }),
);

describe('guarantee ledger', () => {
  it('random payouts and recoveries never break the balance: payouts − recoveries = open claim, within the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.array(op, { maxLength: 60 }), (maxCents, ops) => {
        let l: Ledger = { maxCents, paidOutCents: 0, recoveredCents: 0 };
        let paid = 0;
        let recovered = 0;
        for (const o of ops) {
          try {
            l = o.kind === 'payout' ? payout(l, o.cents) : recover(l, o.cents);
            if (o.kind === 'payout') paid += o.cents;
            else recovered += o.cents;
          } catch (e) {
            // A refusal changes nothing and says why, with the figures.
            expect(e).toBeInstanceOf(AppError);
            expect((e as AppError).code).toBe('limit_exceeded');
            expect((e as AppError).extra.errors![0]!.field).toBe('amountCents');
          }
          expect(ledgerValid(l)).toBe(true);
          expect(l.paidOutCents).toBe(paid);
          expect(l.recoveredCents).toBe(recovered);
          expect(openClaimCents(l)).toBe(paid - recovered);
          expect(remainingCents(l)).toBe(maxCents - paid);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an over-limit payout with the figures', () => {
    const l = { maxCents: 1_000_000, paidOutCents: 900_000, recoveredCents: 0 };
    expect(payout(l, 100_000).paidOutCents).toBe(1_000_000);
    let err: AppError | undefined;
    try {
      payout(l, 100_001);
    } catch (e) {
      err = e as AppError;
    }
    expect(err?.status).toBe(422);
    expect(err?.detail).toContain('höchstens 1.000,00');
    expect(err?.detail).toContain('bereits ausgezahlt 9.000,00');
  });

  it('counts months and instalments on the calendar', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', -6)).toBe('2026-05-15');
    expect(remainingTime('2026-01-01', '2030-12-31')).toEqual({ days: 1825, months: 59 });
    expect(remainingTime('2031-01-01', '2030-12-31')).toEqual({ days: 0, months: 0 });
    expect(nextInstalment('2026-01-15', 1, '2026-03-16', true)).toBe('2026-04-15');
    expect(nextInstalment('2026-01-15', 3, '2026-03-16', true)).toBe('2026-04-15');
    expect(nextInstalment('2026-05-01', 1, '2026-03-16', true)).toBe('2026-05-01');
    expect(nextInstalment('2026-01-15', 1, '2026-03-16', false)).toBeNull();
  });
});
