import { IMPORT_FIELDS, type TImportField } from '../../../../contracts/preventionImport.js';
import type { FieldError } from '../../../platform/errors/app-error.js';

/**
 * Which column of an uploaded list holds which field: German header synonyms (housing companies'
 * arrears lists, court notice lists) and the rules a submitted mapping must follow.
 */

/** Lower case, umlauts spelled out, only letters and digits: "Straße/Hausnr." → "strassehausnr". */
export const normHeader = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');

/** Synonyms per field, most specific first; compared after `normHeader`. */
const SYNONYMS: Record<TImportField, string[]> = {
  fullName: [
    'name',
    'mieter',
    'mietername',
    'namevorname',
    'nachnamevorname',
    'vertragspartner',
    'mieterin',
    'beklagter',
    'beklagte',
    'schuldner',
    'partei',
  ],
  lastName: ['nachname', 'familienname', 'zuname', 'nachnamemieter', 'name1'],
  firstName: ['vorname', 'vornamen', 'rufname', 'vornamemieter'],
  birthDate: ['geburtsdatum', 'geburtstag', 'gebam', 'geb', 'gebdatum', 'geboren', 'geborenam'],
  gender: ['geschlecht', 'anrede'],
  street: [
    'strasse',
    'str',
    'strassehausnummer',
    'strassehausnr',
    'strasseundhausnummer',
    'anschrift',
    'adresse',
    'wohnanschrift',
    'mietobjekt',
    'objektadresse',
    'strassenr',
  ],
  houseNumber: ['hausnummer', 'hausnr', 'nr', 'hnr'],
  postalCode: ['plz', 'postleitzahl'],
  city: ['ort', 'stadt', 'wohnort', 'gemeinde'],
  phone: ['telefon', 'tel', 'telefonnummer', 'mobil', 'handy', 'rufnummer'],
  persons: ['personen', 'anzahlpersonen', 'haushaltsgroesse', 'personenimhaushalt', 'haushaltsmitglieder'],
  arrearsCents: [
    'mietrueckstand',
    'rueckstand',
    'mietschulden',
    'mietrueckstaende',
    'rueckstandeur',
    'offenerbetrag',
    'offeneforderung',
    'forderung',
    'saldo',
    'schulden',
    'rueckstandsbetrag',
  ],
  monthlyRentCents: ['monatsmiete', 'miete', 'bruttomiete', 'warmmiete', 'gesamtmiete', 'mietemonatlich', 'monatlichemiete', 'sollmiete'],
  compensationCents: ['nutzungsentschaedigung', 'entschaedigung'],
  fileNumber: ['aktenzeichen', 'az', 'geschaeftszeichen', 'gerichtsaktenzeichen'],
  court: ['gericht', 'amtsgericht', 'zustaendigesgericht'],
  receivedOn: ['eingang', 'eingangsdatum', 'eingangam', 'mitteilungvom', 'datummitteilung', 'meldedatum'],
  servedOn: ['zustellung', 'zustelldatum', 'zugestelltam', 'zustellungklage', 'klagezustellung', 'zustellungderklage', 'rechtshaengigkeit'],
  hearingDate: ['verhandlungstermin', 'termin', 'gerichtstermin', 'verhandlung', 'terminzurmuendlichenverhandlung'],
  evictionDate: ['raeumungstermin', 'raeumung', 'raeumungsdatum', 'zwangsraeumung'],
  terminationDate: ['kuendigung', 'kuendigungsdatum', 'gekuendigtam', 'kuendigungvom', 'fristlosekuendigung'],
  landlord: ['vermieter', 'vermieterin', 'wohnungsunternehmen', 'klaeger', 'klaegerin', 'eigentuemer', 'hausverwaltung'],
  externalReference: [
    'mieternummer',
    'vertragsnummer',
    'kundennummer',
    'mietvertragsnummer',
    'objektnummer',
    'mietnummer',
    'debitor',
    'debitorennummer',
  ],
  notes: ['bemerkung', 'bemerkungen', 'hinweis', 'hinweise', 'notiz', 'kommentar', 'anmerkung', 'info'],
};

/**
 * A suggested field per column: exact synonym matches first, then headers that contain a synonym
 * ("Mietrückstand in EUR"); each field goes to one column at most. "Name" next to a "Vorname"
 * column is the last name, not the full name.
 */
export function suggestMapping(columns: string[]): (TImportField | null)[] {
  const norm = columns.map(normHeader);
  const result: (TImportField | null)[] = columns.map(() => null);
  const used = new Set<TImportField>();
  const hasFirstName = norm.some((h) => SYNONYMS.firstName.includes(h));
  const assign = (i: number, f: TImportField) => {
    const field = f === 'fullName' && hasFirstName ? 'lastName' : f;
    if (result[i] || used.has(field)) return;
    result[i] = field;
    used.add(field);
  };
  for (const [i, h] of norm.entries()) {
    for (const f of IMPORT_FIELDS) if (SYNONYMS[f].includes(h)) assign(i, f);
  }
  for (const [i, h] of norm.entries()) {
    if (result[i] || h.length < 3) continue;
    // Longest synonym contained in the header wins, so "Zustellung der Klage am" is served-on, not a hearing.
    let best: { f: TImportField; len: number } | null = null;
    for (const f of IMPORT_FIELDS) {
      if (used.has(f)) continue;
      for (const s of SYNONYMS[f]) if (s.length >= 3 && h.includes(s) && (!best || s.length > best.len)) best = { f, len: s.length };
    }
    if (best) assign(i, best.f);
  }
  return result;
}

export const FIELD_LABELS: Record<TImportField, string> = {
  fullName: 'Name (Nachname, Vorname)',
  lastName: 'Nachname',
  firstName: 'Vorname',
  birthDate: 'Geburtsdatum',
  gender: 'Geschlecht',
  street: 'Straße und Hausnummer',
  houseNumber: 'Hausnummer',
  postalCode: 'PLZ',
  city: 'Ort',
  phone: 'Telefon',
  persons: 'Personen im Haushalt',
  arrearsCents: 'Mietrückstand',
  monthlyRentCents: 'Monatsmiete',
  compensationCents: 'Nutzungsentschädigung',
  fileNumber: 'Aktenzeichen',
  court: 'Gericht',
  receivedOn: 'Eingang der Mitteilung',
  servedOn: 'Zustellung der Räumungsklage',
  hearingDate: 'Verhandlungstermin',
  evictionDate: 'Räumungstermin',
  terminationDate: 'Kündigung vom',
  landlord: 'Vermieter',
  externalReference: 'Mieter-/Vertragsnummer',
  notes: 'Bemerkung',
};

/** Problems of a submitted mapping, reported per column (`columns.<index>`) or for the whole mapping. */
export function mappingErrors(columns: string[], mapping: (TImportField | null)[], defaultCity?: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (mapping.length !== columns.length) {
    return [{ field: 'columns', code: 'invalid_value', message: `Die Zuordnung muss ${columns.length} Spalten enthalten.` }];
  }
  const first = new Map<TImportField, number>();
  mapping.forEach((f, i) => {
    if (!f) return;
    if (first.has(f))
      errors.push({
        field: `columns.${i}`,
        code: 'duplicate',
        message: `„${FIELD_LABELS[f]}“ ist schon der Spalte „${columns[first.get(f)!]}“ zugeordnet.`,
      });
    else first.set(f, i);
  });
  const has = (f: TImportField) => first.has(f);
  if (has('fullName') && (has('lastName') || has('firstName'))) {
    errors.push({
      field: 'columns',
      code: 'invalid_value',
      message: 'Entweder „Name (Nachname, Vorname)“ oder Nachname/Vorname zuordnen, nicht beides.',
    });
  }
  if (!has('fullName') && !has('lastName'))
    errors.push({ field: 'columns', code: 'required', message: 'Bitte eine Spalte mit dem Namen (oder Nachnamen) zuordnen.' });
  if (!has('street')) errors.push({ field: 'columns', code: 'required', message: 'Bitte eine Spalte mit Straße und Hausnummer zuordnen.' });
  if (!has('postalCode')) errors.push({ field: 'columns', code: 'required', message: 'Bitte eine Spalte mit der PLZ zuordnen.' });
  if (!has('city') && !defaultCity?.trim())
    errors.push({
      field: 'defaultCity',
      code: 'required',
      message: 'Bitte eine Spalte mit dem Ort zuordnen oder einen Ort für alle Zeilen angeben.',
    });
  return errors;
}
