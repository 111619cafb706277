import { describe, expect, it } from 'vitest';
import type { TImportField } from '../../../../contracts/preventionImport.js';
import { mappingErrors, normHeader, suggestMapping } from './import.mapping.js';
import { ZNoticeInput } from '../../../../contracts/prevention.js';
import { certainNotice, validateRow, type NoticeDraft } from './import.validate.js';
import { berlinInstant, excelSerialDate, readAmount, readDate, readDateTime, readPostalCode, splitName } from './import.values.js';

const TODAY = '2026-11-21';

describe('mapping suggestion', () => {
  it('maps a housing company arrears list by German synonyms', () => {
    const cols = [
      'Mieternummer',
      'Name',
      'Vorname',
      'Geb.-Datum',
      'Straße',
      'Hausnr.',
      'PLZ',
      'Ort',
      'Mietrückstand in EUR',
      'Monatsmiete',
      'Kündigung vom',
      'Sonstiges',
    ];
    expect(suggestMapping(cols)).toEqual([
      'externalReference',
      'lastName',
      'firstName',
      'birthDate',
      'street',
      'houseNumber',
      'postalCode',
      'city',
      'arrearsCents',
      'monthlyRentCents',
      'terminationDate',
      null,
    ]);
  });

  it('maps a court notice list; "Name" alone is the full name; each field at most once', () => {
    const cols = [
      'Aktenzeichen',
      'Gericht',
      'Name',
      'Anschrift',
      'Postleitzahl',
      'Stadt',
      'Zustellung der Klage am',
      'Termin',
      'Räumungstermin',
      'Rückstand',
      'Nutzungsentschädigung',
      'Aktenzeichen',
    ];
    expect(suggestMapping(cols)).toEqual([
      'fileNumber',
      'court',
      'fullName',
      'street',
      'postalCode',
      'city',
      'servedOn',
      'hearingDate',
      'evictionDate',
      'arrearsCents',
      'compensationCents',
      null,
    ]);
    expect(normHeader('Straße/Hausnr.')).toBe('strassehausnr');
  });

  it('checks a submitted mapping: required fields, duplicates, name either full or split', () => {
    const cols = ['A', 'B', 'C', 'D'];
    const m = (x: (TImportField | null)[]) => mappingErrors(cols, x).map((e) => `${e.field}:${e.code}`);
    expect(m(['fullName', 'street', 'postalCode', 'city'])).toEqual([]);
    expect(m(['lastName', 'street', 'street', 'postalCode'])).toEqual(['columns.2:duplicate', 'defaultCity:required']);
    expect(mappingErrors(cols, ['lastName', 'street', 'postalCode', null], 'Hannover')).toEqual([]);
    expect(m(['fullName', 'firstName', 'street', 'postalCode'])).toContain('columns:invalid_value');
    expect(m([null, null, null, null]).filter((e) => e.endsWith('required'))).toHaveLength(4);
    expect(m(['fullName'])).toEqual(['columns:invalid_value']);
  });
});

describe('values', () => {
  it('reads German, ISO and Excel serial dates and rejects impossible ones', () => {
    expect(readDate('01.03.2026', { today: TODAY })).toBe('2026-03-01');
    expect(readDate('1.3.2026', { today: TODAY })).toBe('2026-03-01');
    expect(readDate('2026-03-01', { today: TODAY })).toBe('2026-03-01');
    expect(readDate('2026-03-01T00:00:00Z', { today: TODAY })).toBe('2026-03-01');
    expect(readDate(46082, { today: TODAY })).toBe('2026-03-01');
    expect(readDate('46082', { today: TODAY })).toBe('2026-03-01');
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    expect(readDate('29.02.2024', { today: TODAY })).toBe('2024-02-29');
    expect(readDate('29.02.2025', { today: TODAY })).toBeInstanceOf(Error);
    expect(readDate('31.04.2026', { today: TODAY })).toBeInstanceOf(Error);
    expect(readDate('morgen', { today: TODAY })).toBeInstanceOf(Error);
    expect(readDate('  ', { today: TODAY })).toBeNull();
    // Two-digit years: birth dates in the last century unless that would be in the future.
    expect(readDate('12.04.85', { birth: true, today: TODAY })).toBe('1985-04-12');
    expect(readDate('12.04.05', { birth: true, today: TODAY })).toBe('2005-04-12');
    expect(readDate('12.04.27', { today: TODAY })).toBe('2027-04-12');
    expect((readDate('01.01.2030', { birth: true, today: TODAY }) as Error).message).toMatch(/Zukunft/);
  });

  it('reads German and English amounts into cents', () => {
    expect(readAmount('1.234,56')).toBe(123_456);
    expect(readAmount('1234,5')).toBe(123_450);
    expect(readAmount('1.234')).toBe(123_400);
    expect(readAmount('1234.56')).toBe(123_456);
    expect(readAmount('1,234.56')).toBe(123_456);
    expect(readAmount('2.345,00 €')).toBe(234_500);
    expect(readAmount('EUR 99')).toBe(9_900);
    expect(readAmount(1234.565)).toBe(123_457);
    expect(readAmount(0.1 + 0.2)).toBe(30);
    expect(readAmount('12,345')).toBeInstanceOf(Error);
    expect(readAmount('1.23.4')).toBeInstanceOf(Error);
    expect((readAmount('-5,00') as Error).message).toMatch(/negativ/);
    expect(readAmount('')).toBeNull();
  });

  it('restores leading zeros of postal codes and splits names', () => {
    expect(readPostalCode(1067)).toBe('01067');
    expect(readPostalCode('30159')).toBe('30159');
    expect(readPostalCode('3015')).toBe('03015');
    expect(readPostalCode('D-30159')).toBeInstanceOf(Error);
    expect(splitName('Müller, Jürgen')).toEqual({ lastName: 'Müller', firstName: 'Jürgen' });
    expect(splitName('Anna Maria Schmidt')).toEqual({ lastName: 'Schmidt', firstName: 'Anna Maria' });
    expect(splitName('Yılmaz')).toEqual({ lastName: 'Yılmaz', firstName: null });
  });
});

describe('row validation', () => {
  const columns = ['Name', 'Geburtsdatum', 'Straße', 'Nr', 'PLZ', 'Ort', 'Rückstand', 'Zustellung', 'Termin'];
  const mapping: TImportField[] = [
    'fullName',
    'birthDate',
    'street',
    'houseNumber',
    'postalCode',
    'city',
    'arrearsCents',
    'servedOn',
    'hearingDate',
  ];
  const check = (cells: (string | number | null)[], defaultCity?: string) =>
    validateRow(cells, { columns, mapping, defaultCity, source: 'court_notice', today: TODAY });

  it('normalises a good row', () => {
    const r = check(['Müller, Jürgen', '12.04.1985', 'Hauptstraße', '5a', '30159', 'Hannover', '1.234,56', '02.11.2026', '2026-12-10']);
    expect(r.errors).toEqual([]);
    expect(r.record).toMatchObject({
      source: 'court_notice',
      receivedOn: TODAY,
      tenants: [{ lastName: 'Müller', firstName: 'Jürgen', birthDate: '1985-04-12', gender: 'unspecified' }],
      street: 'Hauptstraße 5a',
      postalCode: '30159',
      city: 'Hannover',
      arrearsCents: 123_456,
      lawsuitServedOn: '2026-11-02',
      hearingAt: '2026-12-09T23:00:00.000Z',
      evictionAt: null,
    });
  });

  it('reports every problem of a row with its column and a German message', () => {
    const r = check([null, '31.02.1980', null, null, '123', null, 'viel', '01.12.2026', '01.11.2026']);
    expect(r.record).toBeNull();
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { column: 'Geburtsdatum', field: 'birthDate', message: 'Kein gültiges Datum (TT.MM.JJJJ).' },
        { column: 'PLZ', field: 'postalCode', message: 'Keine gültige Postleitzahl (5 Ziffern).' },
        { column: 'Rückstand', field: 'arrearsCents', message: 'Kein gültiger Betrag (z. B. 1.234,56).' },
        { column: 'Name', field: 'fullName', message: 'Der Name fehlt.' },
        { column: 'Straße', field: 'street', message: 'Die Straße fehlt.' },
        { column: 'Ort', field: 'city', message: 'Der Ort fehlt.' },
        { column: 'Zustellung', field: 'servedOn', message: 'Die Zustellung liegt in der Zukunft.' },
      ]),
    );
    expect(r.errors.filter((e) => e.field === 'postalCode')).toHaveLength(1);
  });

  it('fills the city from the default and flags a row that shows no threat', () => {
    expect(check(['Kaya, Deniz', null, 'Weg', '1', '30159', null, '100', null, null], 'Hannover').record?.city).toBe('Hannover');
    const none = check(['Kaya, Deniz', null, 'Weg', '1', '30159', 'Hannover', '0,00', null, null]);
    expect(none.errors.map((e) => e.field)).toEqual(['arrearsCents']);
    expect(check(['Kaya', null, 'Weg', '1', '30159', 'Hannover', '5', null, null]).errors).toEqual([
      { column: 'Name', field: 'fullName', message: 'Der Vorname fehlt.' },
    ]);
  });

  it('reads hearing and eviction times in Berlin time (date only: start of the day)', () => {
    expect(readDateTime('10.12.2026 09:30')).toBe('2026-12-10T08:30:00.000Z');
    expect(readDateTime('10.07.2026, 9:30 Uhr')).toBe('2026-07-10T07:30:00.000Z');
    expect(readDateTime('2026-07-10T09:30:00+02:00')).toBe('2026-07-10T07:30:00.000Z');
    expect(readDateTime('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(readDateTime(46082.5)).toBe('2026-03-01T11:00:00.000Z');
    expect(readDateTime('10.12.2026 25:00')).toBeInstanceOf(Error);
    expect(berlinInstant('2026-10-25', 12, 0)).toBe('2026-10-25T11:00:00.000Z');
  });
});

describe('the fast notice check', () => {
  const base: NoticeDraft = {
    source: 'landlord',
    sourceDetail: 'Wohnbau GmbH',
    receivedOn: TODAY,
    tenants: [{ firstName: 'Deniz', lastName: 'Kaya', birthDate: '1980-02-29', gender: 'unspecified', phone: null }],
    street: 'Lindenweg 4',
    postalCode: '30159',
    city: 'Hannover',
    landlordName: 'Wohnbau GmbH',
    monthlyRentCents: 65_000,
    arrearsCents: 130_000,
    compensationCents: null,
    courtName: null,
    courtFileNumber: null,
    terminationOn: '2026-10-01',
    lawsuitServedOn: '2026-11-02',
    hearingAt: '2026-12-10T08:30:00.000Z',
    evictionAt: null,
    note: 'Mieter-/Vertragsnummer: 100042',
  };
  const tenant = (t: Partial<NoticeDraft['tenants'][number]>) => ({ ...base, tenants: [{ ...base.tenants[0]!, ...t }] });
  const x = (n: number) => 'x'.repeat(n);
  const cases: [string, NoticeDraft][] = [
    ['a full row', base],
    [
      'only what is required',
      {
        ...base,
        sourceDetail: null,
        landlordName: null,
        monthlyRentCents: null,
        arrearsCents: 1,
        terminationOn: null,
        lawsuitServedOn: null,
        hearingAt: null,
        note: null,
        tenants: [{ firstName: 'A', lastName: 'B', birthDate: null, gender: 'female', phone: '0511 123' }],
      },
    ],
    [
      'a court notice',
      {
        ...base,
        source: 'court_notice',
        sourceDetail: 'AG Hannover',
        courtName: 'AG Hannover',
        courtFileNumber: x(60),
        evictionAt: '2027-01-15T09:00:00.000Z',
      },
    ],
    ['names at the limit', tenant({ firstName: x(100), lastName: x(100), phone: x(40) })],
    ['a first name too long', tenant({ firstName: x(101) })],
    ['a last name too long', tenant({ lastName: x(101) })],
    ['a phone number too long', tenant({ phone: x(41) })],
    ['a street too long', { ...base, street: x(201) }],
    ['a street at the limit', { ...base, street: x(200) }],
    ['a city too long', { ...base, city: x(101) }],
    ['a file number too long', { ...base, courtFileNumber: x(61) }],
    ['a sender too long', { ...base, sourceDetail: x(201) }],
    ['a note too long', { ...base, note: x(4001) }],
    ['the highest amount', { ...base, arrearsCents: 100_000_000 }],
    ['an amount too high', { ...base, arrearsCents: 100_000_001 }],
    ['a rent too high', { ...base, monthlyRentCents: 5_000_000_000 }],
    ['an instant beyond the year 9999', { ...base, hearingAt: '+010000-01-01T00:00:00.000Z' }],
    ['an odd postal code', { ...base, postalCode: '3015' }],
    ['an odd arrival date', { ...base, receivedOn: '21.11.2026' }],
  ];

  it.each(cases)('gives what ZNoticeInput gives, or leaves it to zod: %s', (_, draft) => {
    const fast = certainNotice(draft);
    const zod = ZNoticeInput.safeParse(draft);
    if (fast) expect(fast).toStrictEqual(zod.data);
    if (!zod.success) expect(fast).toBeNull();
  });

  it('decides ordinary rows itself and words errors of odd rows through zod', () => {
    expect(certainNotice(base)).not.toBeNull();
    const columns = ['Name', 'Straße', 'PLZ', 'Ort', 'Rückstand'];
    const mapping: TImportField[] = ['fullName', 'street', 'postalCode', 'city', 'arrearsCents'];
    const odd = validateRow(['Kaya, Deniz', 'Weg 1', '30159', 'Hannover', '2.000.000,00'], {
      columns,
      mapping,
      source: 'landlord',
      today: TODAY,
    });
    expect(odd.record).toBeNull();
    expect(odd.errors).toEqual([{ column: null, field: null, message: expect.stringMatching(/^arrearsCents: /) }]);
  });
});
