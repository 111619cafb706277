import { formatEuro } from '../../../contracts/format.js';
import { AppError } from '../../platform/errors/app-error.js';

/*
 * The guarantee ledger of one tenancy, in integer cents: payouts draw on the guarantee maximum, the
 * claims paid out are assigned to the office, and recovery payments reduce the open claim.
 *   remaining guarantee = maximum − payouts      open claim = payouts − recoveries
 * Invariants (also a CHECK on tenancies, moved by triggers): 0 ≤ payouts ≤ maximum, 0 ≤ recoveries ≤ payouts.
 */

export interface Ledger {
  maxCents: number;
  paidOutCents: number;
  recoveredCents: number;
}

export const remainingCents = (l: Ledger): number => l.maxCents - l.paidOutCents;
export const openClaimCents = (l: Ledger): number => l.paidOutCents - l.recoveredCents;

/** Whether the ledger keeps its invariants (used by the property test and as a guard). */
export function ledgerValid(l: Ledger): boolean {
  return (
    [l.maxCents, l.paidOutCents, l.recoveredCents].every(Number.isSafeInteger) &&
    l.paidOutCents >= 0 &&
    l.paidOutCents <= l.maxCents &&
    l.recoveredCents >= 0 &&
    l.recoveredCents <= l.paidOutCents
  );
}

/** A payout that fits the remaining guarantee; otherwise a 422 naming the figures. */
export function payout(l: Ledger, amountCents: number): Ledger {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw fieldLimit('Der Betrag muss größer als 0 sein.');
  const rest = remainingCents(l);
  if (amountCents > rest) {
    throw fieldLimit(
      `Die Garantieleistung von ${formatEuro(amountCents)} übersteigt die verbleibende Garantiesumme: höchstens ${formatEuro(rest)} (Höchstbetrag ${formatEuro(l.maxCents)}, bereits ausgezahlt ${formatEuro(l.paidOutCents)}).`,
    );
  }
  return { ...l, paidOutCents: l.paidOutCents + amountCents };
}

/** A recovery payment on the assigned claim; more than the open claim is refused with the figures. */
export function recover(l: Ledger, amountCents: number): Ledger {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw fieldLimit('Der Betrag muss größer als 0 sein.');
  const open = openClaimCents(l);
  if (amountCents > open) {
    throw fieldLimit(
      `Die Zahlung von ${formatEuro(amountCents)} übersteigt die offene Forderung von ${formatEuro(open)} (ausgezahlt ${formatEuro(l.paidOutCents)}, zurückgezahlt ${formatEuro(l.recoveredCents)}).`,
    );
  }
  return { ...l, recoveredCents: l.recoveredCents + amountCents };
}

const fieldLimit = (message: string) =>
  new AppError('limit_exceeded', message, { errors: [{ field: 'amountCents', code: 'too_big', message }] });

const parse = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  return { y, m, day };
};
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `date` plus `months` calendar months (the 31st becomes the month's last day). */
export function addMonths(date: string, months: number): string {
  const { y, m, day } = parse(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(day, last)));
}

/** Days and whole months from `today` to `end` (0 when past). */
export function remainingTime(today: string, end: string): { days: number; months: number } {
  const days = Math.max(0, Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000));
  if (days === 0) return { days, months: 0 };
  let months = 0;
  while (addMonths(today, months + 1) <= end) months++;
  return { days, months };
}

/** The next instalment date of an agreement on or after `today`; null when the claim is settled. */
export function nextInstalment(startsOn: string, intervalMonths: number, today: string, claimOpen: boolean): string | null {
  if (!claimOpen) return null;
  if (startsOn >= today) return startsOn;
  let n = 0;
  let d = startsOn;
  while (d < today && n < 2000) d = addMonths(startsOn, ++n * intervalMonths);
  return d;
}
