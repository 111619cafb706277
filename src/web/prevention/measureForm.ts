import type { TMeasureInput } from '../../contracts/prevention';
import type { FieldIssue } from '../i18n/errors';
import { centsToInput, euroToCents } from '../lib/numbers';
import type { Measure } from './queries';

export type MeasureKind = TMeasureInput['kind'];
export type MeasureStatus = NonNullable<TMeasureInput['status']>;

/** Money fields per kind (form key → cents field in `data`). */
const MONEY: Record<MeasureKind, readonly string[]> = {
  rent_debt_assumption: ['amountCents', 'grantedCents', 'repaymentMonthlyCents'],
  commitment: ['amountCents'],
  clearance: ['amountCents'],
  socio_pedagogical: ['amountCents'],
  other: ['amountCents'],
};
const TEXT: Record<MeasureKind, readonly string[]> = {
  rent_debt_assumption: ['applicationOn', 'legalBasis', 'decision', 'decidedOn', 'repaymentStartsOn', 'repaymentNote', 'paidToLandlordOn'],
  commitment: ['recipient', 'recipientName', 'recipientAddress', 'recipientReference', 'legalBasis', 'validUntil', 'sentOn'],
  clearance: ['provider', 'startsOn', 'endsOn'],
  socio_pedagogical: ['provider', 'startsOn', 'endsOn'],
  other: ['provider', 'startsOn', 'endsOn'],
};

/** A measure as typed: every data field a string (money in euros), commitment items one per line. */
export interface MeasureForm {
  kind: MeasureKind;
  status: MeasureStatus;
  note: string;
  data: Record<string, string>;
  items: string;
}

export function emptyMeasureForm(kind: MeasureKind): MeasureForm {
  return { kind, status: 'planned', note: '', data: kind === 'commitment' ? { recipient: 'landlord' } : {}, items: '' };
}

export function measureToForm(m: Measure): MeasureForm {
  const kind = m.kind as MeasureKind;
  const data: Record<string, string> = {};
  for (const k of TEXT[kind]) data[k] = typeof m.data[k] === 'string' ? (m.data[k] as string) : '';
  for (const k of MONEY[kind]) data[k] = centsToInput(typeof m.data[k] === 'number' ? (m.data[k] as number) : null);
  const items = Array.isArray(m.data.items) ? (m.data.items as string[]).join('\n') : '';
  return { kind, status: m.status, note: m.note ?? '', data, items };
}

/** Form → ZMeasureInput; unreadable money becomes an issue at `data.<field>`. */
export function measurePayload(f: MeasureForm, moneyMessage: string): { payload: TMeasureInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const data: Record<string, unknown> = {};
  for (const k of TEXT[f.kind]) data[k] = (f.data[k] ?? '').trim() || null;
  for (const k of MONEY[f.kind]) {
    const raw = (f.data[k] ?? '').trim();
    if (raw === '') data[k] = null;
    else {
      const cents = euroToCents(raw);
      if (Number.isNaN(cents)) issues.push({ field: `data.${k}`, code: 'custom', message: moneyMessage });
      data[k] = cents;
    }
  }
  if (f.kind === 'commitment') {
    data.recipient ??= 'landlord';
    data.items = f.items
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return { payload: { kind: f.kind, status: f.status, note: f.note.trim() || null, data } as TMeasureInput, issues };
}

export function isMoneyField(kind: MeasureKind, key: string): boolean {
  return MONEY[kind].includes(key);
}
