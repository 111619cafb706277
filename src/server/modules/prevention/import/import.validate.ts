import type { TImportField } from '../../../../contracts/preventionImport.js';
import type { Cell } from './import.parse.js';
import { FIELD_LABELS } from './import.mapping.js';
import { readAmount, readDate, readGender, readPersons, readPostalCode, readText, splitName } from './import.values.js';

/** One row of a list, checked and normalised: what a notice needs (amounts in cents, ISO dates). */
export interface ImportRecord {
  lastName: string;
  firstName: string | null;
  birthDate: string | null;
  gender: 'female' | 'male' | 'diverse' | 'unspecified' | null;
  street: string;
  postalCode: string;
  city: string;
  phone: string | null;
  persons: number | null;
  arrearsCents: number | null;
  monthlyRentCents: number | null;
  compensationCents: number | null;
  fileNumber: string | null;
  court: string | null;
  receivedOn: string | null;
  servedOn: string | null;
  hearingDate: string | null;
  evictionDate: string | null;
  terminationDate: string | null;
  landlord: string | null;
  externalReference: string | null;
  notes: string | null;
}

export interface RowError {
  column: string | null;
  field: TImportField | null;
  message: string;
}

export interface RowCheck {
  record: ImportRecord | null;
  errors: RowError[];
}

export interface ValidateOptions {
  columns: string[];
  mapping: (TImportField | null)[];
  defaultCity?: string | null;
  today?: string;
}

type Reader = (c: Cell, today: string) => unknown;
const READERS: Record<TImportField, Reader> = {
  fullName: (c) => readText(c, 200),
  lastName: (c) => readText(c, 100),
  firstName: (c) => readText(c, 100),
  birthDate: (c, today) => readDate(c, { birth: true, today }),
  gender: (c) => readGender(c),
  street: (c) => readText(c, 200),
  houseNumber: (c) => readText(c, 20),
  postalCode: (c) => readPostalCode(c),
  city: (c) => readText(c, 100),
  phone: (c) => readText(c, 50),
  persons: (c) => readPersons(c),
  arrearsCents: (c) => readAmount(c),
  monthlyRentCents: (c) => readAmount(c),
  compensationCents: (c) => readAmount(c),
  fileNumber: (c) => readText(c, 100),
  court: (c) => readText(c, 200),
  receivedOn: (c, today) => readDate(c, { today }),
  servedOn: (c, today) => readDate(c, { today }),
  hearingDate: (c, today) => readDate(c, { today }),
  evictionDate: (c, today) => readDate(c, { today }),
  terminationDate: (c, today) => readDate(c, { today }),
  landlord: (c) => readText(c, 200),
  externalReference: (c) => readText(c, 100),
  notes: (c) => readText(c, 2000),
};

/** Reads every mapped cell of a row; collects all problems of the row, each with its column. */
export function validateRow(cells: Cell[], opts: ValidateOptions): RowCheck {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const errors: RowError[] = [];
  const v: Partial<Record<TImportField, unknown>> = {};
  const columnOf: Partial<Record<TImportField, string>> = {};
  opts.mapping.forEach((field, i) => {
    if (!field) return;
    columnOf[field] = opts.columns[i]!;
    const value = READERS[field](cells[i] ?? null, today);
    if (value instanceof Error) errors.push({ column: opts.columns[i]!, field, message: value.message });
    else v[field] = value;
  });
  const text = (f: TImportField) => (v[f] as string | null | undefined) ?? null;
  const missing = (f: TImportField, label = FIELD_LABELS[f]) => {
    if (!errors.some((e) => e.field === f)) errors.push({ column: columnOf[f] ?? null, field: f, message: `${label} fehlt.` });
  };

  let lastName = text('lastName');
  let firstName = text('firstName');
  if (text('fullName')) ({ lastName, firstName } = splitName(text('fullName')!));
  if (!lastName) missing(columnOf.fullName ? 'fullName' : 'lastName', 'Der Name');
  const street = [text('street'), text('houseNumber')].filter(Boolean).join(' ') || null;
  if (!text('street')) missing('street', 'Die Straße');
  if (!v.postalCode) missing('postalCode', 'Die PLZ');
  const city = text('city') ?? (opts.defaultCity?.trim() || null);
  if (!city) missing('city', 'Der Ort');
  const arrears = v.arrearsCents as number | null | undefined;
  if (arrears === 0 && !v.evictionDate && !v.servedOn && !v.terminationDate) {
    errors.push({ column: columnOf.arrearsCents ?? null, field: 'arrearsCents', message: 'Kein Rückstand und keine Kündigung, Klage oder Räumung: keine Gefährdung erkennbar.' });
  }
  const served = v.servedOn as string | null | undefined;
  const hearing = v.hearingDate as string | null | undefined;
  if (served && served > today) errors.push({ column: columnOf.servedOn ?? null, field: 'servedOn', message: 'Die Zustellung liegt in der Zukunft.' });
  if (served && hearing && hearing < served) errors.push({ column: columnOf.hearingDate ?? null, field: 'hearingDate', message: 'Der Verhandlungstermin liegt vor der Zustellung der Klage.' });
  if (errors.length) return { record: null, errors };

  const val = <T>(f: TImportField) => (v[f] ?? null) as T | null;
  return {
    errors,
    record: {
      lastName: lastName!,
      firstName,
      birthDate: val('birthDate'),
      gender: val('gender'),
      street: street!,
      postalCode: v.postalCode as string,
      city: city!,
      phone: val('phone'),
      persons: val('persons'),
      arrearsCents: val('arrearsCents'),
      monthlyRentCents: val('monthlyRentCents'),
      compensationCents: val('compensationCents'),
      fileNumber: val('fileNumber'),
      court: val('court'),
      receivedOn: val('receivedOn'),
      servedOn: val('servedOn'),
      hearingDate: val('hearingDate'),
      evictionDate: val('evictionDate'),
      terminationDate: val('terminationDate'),
      landlord: val('landlord'),
      externalReference: val('externalReference'),
      notes: val('notes'),
    },
  };
}
