import type { TLegalClock } from '../../../contracts/prevention.js';
import { germanDate, isWorkingDay, type FederalState } from '../../platform/deadlines/workdays.js';

/*
 * The legal clock of a threatened tenancy, in one pure function.
 *
 * Cure period (Schonfrist, § 569 Abs. 3 Nr. 2 BGB): paying the arrears (or a public body's
 * commitment to pay) within two months after the eviction lawsuit became pending (service of the
 * claim, §§ 253, 261 ZPO) makes a termination for arrears ineffective. The period is counted by
 * § 187 Abs. 1 and § 188 Abs. 2 BGB: it ends on the day of the second month after service that has
 * the same number as the service day; when that month has no such day, on its last day (§ 188 Abs. 3
 * BGB: served 31.12. → 28.02., or 29.02. in a leap year).
 *
 * Weekends and holidays (§ 193 BGB): the period is one for a performance (paying), so an end on a
 * Saturday, Sunday or public holiday of the agency's federal state moves to the next working day.
 * We always shift, and always with the same state holidays as every other deadline of the agency;
 * the unshifted end is reported too, so the case can show both and staff can aim for the earlier.
 *
 * Not available (§ 569 Abs. 3 Nr. 2 Satz 2 BGB) when a termination was already cured this way no
 * more than two years before the current termination (the record date is that earlier termination;
 * the current one is the termination date, else the service date, else today).
 *
 * Ordinary termination: curing only removes the termination without notice; a termination with
 * notice declared alongside stays, so paying alone does not save the tenancy.
 *
 * Defence period (§ 276 Abs. 1 Satz 1 ZPO): two weeks from service of the order for written
 * preliminary proceedings; ends on the same weekday two weeks later (§ 222 ZPO, § 188 Abs. 2 BGB),
 * shifted like above (§ 222 Abs. 2 ZPO).
 */

export interface LegalFacts {
  lawsuitServedOn: string | null;
  terminationOn: string | null;
  previousCureOn: string | null;
  ordinaryTermination: boolean;
  writtenProceedingsServedOn: string | null;
  hearingAt: string | null;
  evictionAt: string | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parts(date: string): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`invalid date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * `date` plus `months` calendar months, clamped to the last day of the target month (§ 188 Abs. 2
 * and 3 BGB). Negative months count back (used for "within two years before").
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return `${ty}-${pad(tm)}-${pad(Math.min(d, daysInMonth(ty, tm)))}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** § 193 BGB / § 222 Abs. 2 ZPO: an end on a weekend or public holiday moves to the next working day. */
export function shiftToWorkingDay(date: string, state: FederalState): string {
  let d = date;
  while (!isWorkingDay(d, state)) d = addDays(d, 1);
  return d;
}

const WEEKDAY = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const weekday = (date: string) => WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()]!;

/** The legal clock of a case: every date the law sets, with German warnings. */
export function legalClock(f: LegalFacts, state: FederalState, today: string): TLegalClock {
  const warnings: string[] = [];
  const reference = f.terminationOn ?? f.lawsuitServedOn ?? today;
  const usedWithinTwoYears = !!f.previousCureOn && f.previousCureOn <= reference && f.previousCureOn >= addMonths(reference, -24);
  let cureEnd: string | null = null;
  let cureEndUnshifted: string | null = null;
  let cureUnavailableReason: string | null = null;

  if (usedWithinTwoYears) {
    cureUnavailableReason = `Schonfrist nicht verfügbar: Bereits die Kündigung vom ${germanDate(f.previousCureOn!)} wurde durch Zahlung unwirksam – weniger als zwei Jahre vor der jetzigen Kündigung (§ 569 Abs. 3 Nr. 2 Satz 2 BGB).`;
    warnings.push(cureUnavailableReason);
  } else if (f.lawsuitServedOn) {
    cureEndUnshifted = addMonths(f.lawsuitServedOn, 2);
    cureEnd = shiftToWorkingDay(cureEndUnshifted, state);
    if (cureEnd !== cureEndUnshifted) {
      warnings.push(
        `Die Schonfrist endet rechnerisch am ${weekday(cureEndUnshifted)}, ${germanDate(cureEndUnshifted)}; nach § 193 BGB verschoben auf ${weekday(cureEnd)}, ${germanDate(cureEnd)}. Zahlung möglichst vor dem ${germanDate(cureEndUnshifted)} veranlassen.`,
      );
    }
  }
  if (f.ordinaryTermination) {
    warnings.push(
      'Es wurde zusätzlich ordentlich gekündigt: Die Zahlung des Rückstands in der Schonfrist heilt nur die fristlose Kündigung – allein rettet sie das Mietverhältnis nicht. Mit dem Vermieter über die Fortsetzung verhandeln.',
    );
  }

  let defenceEnd: string | null = null;
  if (f.writtenProceedingsServedOn) {
    const raw = addDays(f.writtenProceedingsServedOn, 14);
    defenceEnd = shiftToWorkingDay(raw, state);
  }

  return {
    cureEnd,
    cureEndUnshifted,
    cureAvailable: !usedWithinTwoYears,
    cureUnavailableReason,
    ordinaryTermination: f.ordinaryTermination,
    paymentAloneSaves: !usedWithinTwoYears && !f.ordinaryTermination,
    defenceEnd,
    hearingAt: f.hearingAt,
    evictionAt: f.evictionAt,
    warnings,
  };
}
