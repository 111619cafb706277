import type { ExportLang } from '../../platform/export/columns.js';

/* The words of the person's PDF and of the records of processing, German first. */

export const PDF_TEXTS = {
  de: {
    title: 'Auskunft nach Art. 15 DSGVO und § 83 SGB X',
    reference: 'Aktenzeichen der Auskunft',
    subject: 'Betroffene Person',
    household: 'Haushalt',
    requestedBy: 'Antrag gestellt von',
    receivedOn: 'Antrag eingegangen am',
    generatedAt: 'Erstellt am',
    controller: 'Verantwortliche Stelle',
    intro:
      'Sie haben Auskunft über die Daten verlangt, die wir über Sie verarbeiten. Diese Auskunft enthält alle Einträge aus allen Programmen der Fachstelle, die Empfänger, an die Ihre Daten übermittelt wurden, und wer Ihre Akte gelesen oder geändert hat.',
    rights:
      'Sie können die Berichtigung unrichtiger Daten (Art. 16 DSGVO, § 84 SGB X), die Löschung (Art. 17) oder die Einschränkung der Verarbeitung (Art. 18) verlangen und sich bei der Aufsichtsbehörde für den Datenschutz beschweren (Art. 77 DSGVO).',
    purposes: '1. Zwecke und Rechtsgrundlagen',
    purpose: 'Zweck',
    legalBasis: 'Rechtsgrundlage',
    records: '2. Ihre gespeicherten Daten',
    recordsNote: (n: number) => `${n} Einträge. Interne Kennungen sind weggelassen; sie stehen in der Fassung für die Akte (JSON).`,
    recipients: '3. Empfänger Ihrer Daten (§ 67b SGB X)',
    noRecipients: 'Ihre Daten wurden an niemanden außerhalb der Fachstelle übermittelt.',
    recipient: 'Empfänger',
    fields: 'Übermittelte Angaben',
    consents: '4. Ihre Einwilligungen',
    given: 'Erteilt',
    withdrawn: 'Widerrufen',
    inForce: 'gilt',
    accessLog: '5. Wer Ihre Akte gelesen oder geändert hat',
    accessNote: (n: number, limit: number) => (n >= limit ? `Die neuesten ${limit} Zugriffe.` : `${n} Zugriffe.`),
    at: 'Zeitpunkt',
    actor: 'Person',
    role: 'Funktion',
    action: 'Vorgang',
    none: 'Keine.',
    confidential: 'Vertraulich – Sozialdaten (§ 35 SGB I)',
    page: (c: number, n: number) => `Seite ${c} von ${n}`,
    yes: 'ja',
    no: 'nein',
  },
  en: {
    title: 'Access under Art. 15 GDPR and § 83 SGB X',
    reference: 'Reference of the request',
    subject: 'Data subject',
    household: 'Household',
    requestedBy: 'Requested by',
    receivedOn: 'Request received on',
    generatedAt: 'Produced on',
    controller: 'Controller',
    intro:
      'You asked which data we process about you. This statement holds every record of every programme of the office, the recipients your data was passed to, and who read or changed your file.',
    rights:
      'You may ask for inaccurate data to be corrected (Art. 16 GDPR, § 84 SGB X), erased (Art. 17) or restricted (Art. 18), and complain to the data-protection supervisory authority (Art. 77 GDPR).',
    purposes: '1. Purposes and legal bases',
    purpose: 'Purpose',
    legalBasis: 'Legal basis',
    records: '2. Your stored data',
    recordsNote: (n: number) => `${n} records. Internal identifiers are left out; they are in the version for the file (JSON).`,
    recipients: '3. Recipients of your data (§ 67b SGB X)',
    noRecipients: 'Your data was not passed to anyone outside the office.',
    recipient: 'Recipient',
    fields: 'Data passed',
    consents: '4. Your consents',
    given: 'Given',
    withdrawn: 'Withdrawn',
    inForce: 'in force',
    accessLog: '5. Who read or changed your file',
    accessNote: (n: number, limit: number) => (n >= limit ? `The newest ${limit} accesses.` : `${n} accesses.`),
    at: 'Time',
    actor: 'Person',
    role: 'Function',
    action: 'Action',
    none: 'None.',
    confidential: 'Confidential – social data (§ 35 SGB I)',
    page: (c: number, n: number) => `Page ${c} of ${n}`,
    yes: 'yes',
    no: 'no',
  },
} satisfies Record<ExportLang, unknown>;

/** Readable names of the columns most records share; other columns print with their words. */
const COLUMNS: Record<string, { de: string; en: string }> = {
  reference: { de: 'Aktenzeichen', en: 'Reference' },
  first_name: { de: 'Vorname', en: 'First name' },
  last_name: { de: 'Nachname', en: 'Last name' },
  birth_date: { de: 'Geburtsdatum', en: 'Date of birth' },
  gender: { de: 'Geschlecht', en: 'Gender' },
  nationality: { de: 'Staatsangehörigkeit', en: 'Nationality' },
  relationship: { de: 'Stellung im Haushalt', en: 'Relationship' },
  phone: { de: 'Telefon', en: 'Phone' },
  email: { de: 'E-Mail', en: 'E-mail' },
  situation: { de: 'Wohnsituation', en: 'Housing situation' },
  state: { de: 'Stand', en: 'State' },
  status: { de: 'Status', en: 'Status' },
  kind: { de: 'Art', en: 'Kind' },
  text: { de: 'Text', en: 'Text' },
  note: { de: 'Notiz', en: 'Note' },
  notes: { de: 'Notizen', en: 'Notes' },
  purpose: { de: 'Zweck', en: 'Purpose' },
  street: { de: 'Straße', en: 'Street' },
  postal_code: { de: 'Postleitzahl', en: 'Postcode' },
  city: { de: 'Ort', en: 'City' },
  valid_from: { de: 'Gültig ab', en: 'Valid from' },
  valid_to: { de: 'Gültig bis', en: 'Valid to' },
  valid_until: { de: 'Gültig bis', en: 'Valid until' },
  given_on: { de: 'Erteilt am', en: 'Given on' },
  given_by: { de: 'Erteilt von', en: 'Given by' },
  withdrawn_at: { de: 'Widerrufen am', en: 'Withdrawn on' },
  withdrawn_on: { de: 'Widerrufen am', en: 'Withdrawn on' },
  fields: { de: 'Angaben', en: 'Data' },
  occurred_at: { de: 'Zeitpunkt', en: 'Time' },
  created_at: { de: 'Angelegt am', en: 'Created on' },
  updated_at: { de: 'Geändert am', en: 'Changed on' },
  due_at: { de: 'Fällig am', en: 'Due on' },
  title: { de: 'Bezeichnung', en: 'Title' },
  filename: { de: 'Datei', en: 'File' },
  outcome: { de: 'Ergebnis', en: 'Outcome' },
  reason: { de: 'Grund', en: 'Reason' },
  channel: { de: 'Weg', en: 'Channel' },
  amount_cents: { de: 'Betrag (Cent)', en: 'Amount (cents)' },
  persons: { de: 'Personen', en: 'Persons' },
  received_on: { de: 'Eingegangen am', en: 'Received on' },
  due_on: { de: 'Frist bis', en: 'Due on' },
  requested_by: { de: 'Antrag von', en: 'Requested by' },
};

/** Columns the person's PDF leaves out: internal keys, versions and seals (the JSON keeps them). */
const HIDDEN = /^(id|agency_id|version|.*_id|.*_ids|position|xid|hash|prev_hash|key_id|title_key|title_params|text_version)$/;

export function columnLabel(column: string, lang: ExportLang): string {
  const known = COLUMNS[column]?.[lang];
  if (known) return known;
  const words = column.replace(/_cents$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as the PDF prints it; null: the line is left out (empty or internal). */
export function shownValue(column: string, v: unknown, lang: ExportLang): string | null {
  if (HIDDEN.test(column) || v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return v.slice(0, 16).replace('T', ' ');
  if (typeof v === 'boolean') return v ? PDF_TEXTS[lang].yes : PDF_TEXTS[lang].no;
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') : null;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
