import { DOCUMENT_KINDS, type TDocumentKind } from '../../../contracts/documents.js';
import type { PlaceholderDef } from './template-language.js';
import {
  AFTERCARE_REFUSAL,
  ALLOCATION_NOTICE,
  ASSIGNMENT_DECLARATION,
  COMMITMENT_LETTER,
  CONTACT_LETTER,
  GUARANTEE_CONTRACT,
} from './template-bodies.js';
import { ACCOMMODATION_COST_NOTE, ACCOMMODATION_ORDER } from './template-bodies.accommodation.js';

/**
 * The registry of document kinds: what each letter or contract is called, which placeholders its
 * template may use (the editor lists them; saving refuses any other) and its default body.
 *
 * Placeholder names follow one scheme across kinds: `agency.*` the office, `staff.*` the person
 * who creates the document, `provider.*` the housing provider, `landlord.*` any landlord (also a
 * private one, in prevention), `household.*` the tenants, `object.*` the flat, `lease.*` the
 * tenancy, `guarantee.*` the guarantee, `recipient.*` the addressee of a letter, plus `today` and
 * `reference` (the file number). `agency.name`, `today` and `staff.name`/`staff.email` are filled
 * in by `generateDocument` when the caller does not pass them.
 */

export interface DocumentKindDef {
  kind: TDocumentKind;
  /** German title, also the PDF's metadata title unless the agency renames it. */
  title: string;
  placeholders: PlaceholderDef[];
  defaultBody: string;
}

const COMMON: PlaceholderDef[] = [
  { key: 'agency.name', description: 'Name der Dienststelle (wird automatisch eingesetzt)' },
  { key: 'agency.address', description: 'Anschrift der Dienststelle (mehrzeilig)' },
  { key: 'agency.city', description: 'Ort der Dienststelle, für „Ort, den Datum“' },
  { key: 'today', description: 'Datum der Erstellung (wird automatisch eingesetzt)', type: 'date' },
  { key: 'reference', description: 'Aktenzeichen' },
  { key: 'staff.name', description: 'Name der bearbeitenden Person (wird automatisch eingesetzt)' },
  { key: 'staff.phone', description: 'Telefon der bearbeitenden Person' },
  { key: 'staff.email', description: 'E-Mail-Adresse der bearbeitenden Person' },
];

const P = {
  providerName: { key: 'provider.name', description: 'Name des Wohnungsunternehmens' },
  providerAddress: { key: 'provider.address', description: 'Anschrift des Wohnungsunternehmens (mehrzeilig)' },
  householdNames: { key: 'household.names', description: 'Namen der Mieterinnen und Mieter' },
  objectAddress: { key: 'object.address', description: 'Anschrift der Wohnung (Straße, PLZ, Ort, Lage)' },
  leaseStart: { key: 'lease.start', description: 'Beginn des Mietverhältnisses', type: 'date' },
  coldRent: { key: 'lease.coldRent', description: 'Monatliche Kaltmiete', type: 'money' },
  totalRent: { key: 'lease.totalRent', description: 'Monatliche Gesamtmiete einschließlich Betriebs- und Heizkosten', type: 'money' },
  recipientName: { key: 'recipient.name', description: 'Empfänger des Schreibens (Name)' },
  recipientAddress: { key: 'recipient.address', description: 'Empfänger des Schreibens (Anschrift, mehrzeilig)' },
} satisfies Record<string, PlaceholderDef>;

const ACCOMMODATION: PlaceholderDef[] = [
  { key: 'facility.name', description: 'Name der Unterkunft' },
  { key: 'facility.address', description: 'Anschrift der Unterkunft' },
  { key: 'operator.name', description: 'Name des Betreibers' },
  { key: 'stay.from', description: 'Beginn der Unterbringung', type: 'date' },
  { key: 'stay.persons', description: 'Eingewiesene Personen; jede wird ein Aufzählungspunkt', type: 'list' },
  { key: 'stay.legalBasis', description: 'Rechtsgrundlage der Einweisung (z. B. § 17 Abs. 1 ASOG Bln)' },
  { key: 'costs.payer', description: 'Kostenträger (die Dienststelle oder das Jobcenter)' },
  { key: 'costs.contribution', description: 'Satz zum Eigenanteil des Haushalts (kann leer sein)' },
];

export const DOCUMENT_KIND_DEFS: Record<TDocumentKind, DocumentKindDef> = {
  guarantee_contract: {
    kind: 'guarantee_contract',
    title: 'Garantievertrag',
    placeholders: [
      P.providerName,
      P.providerAddress,
      P.householdNames,
      P.objectAddress,
      P.leaseStart,
      P.coldRent,
      { key: 'lease.serviceCharges', description: 'Monatliche Betriebskosten-Vorauszahlung', type: 'money' },
      { key: 'lease.heating', description: 'Monatliche Heizkosten-Vorauszahlung', type: 'money' },
      P.totalRent,
      { key: 'guarantee.start', description: 'Beginn der Garantie (Mietbeginn)', type: 'date' },
      { key: 'guarantee.end', description: 'Ende der Garantie (fünf Jahre nach Mietbeginn)', type: 'date' },
      { key: 'guarantee.max', description: 'Höchstbetrag der Garantie', type: 'money' },
      {
        key: 'guarantee.items',
        description: 'Abgesicherte Forderungen; allein nach „- “ wird jede ein eigener Aufzählungspunkt',
        type: 'list',
      },
      ...COMMON,
    ],
    defaultBody: GUARANTEE_CONTRACT,
  },
  allocation_notice: {
    kind: 'allocation_notice',
    title: 'Mitteilung über die Wohnungsvergabe',
    placeholders: [
      P.recipientName,
      P.recipientAddress,
      P.providerName,
      P.householdNames,
      P.objectAddress,
      { key: 'object.rooms', description: 'Zimmerzahl' },
      { key: 'object.livingSpace', description: 'Wohnfläche in m²' },
      P.leaseStart,
      P.coldRent,
      P.totalRent,
      ...COMMON,
    ],
    defaultBody: ALLOCATION_NOTICE,
  },
  assignment_declaration: {
    kind: 'assignment_declaration',
    title: 'Abtretungserklärung',
    placeholders: [
      P.providerName,
      P.providerAddress,
      P.householdNames,
      P.objectAddress,
      { key: 'assignment.amount', description: 'Abgetretener Betrag', type: 'money' },
      { key: 'assignment.months', description: 'Monate, für die die Mietforderung abgetreten wird', type: 'list' },
      { key: 'guarantee.signedOn', description: 'Datum des Garantievertrags', type: 'date' },
      ...COMMON,
    ],
    defaultBody: ASSIGNMENT_DECLARATION,
  },
  contact_letter: {
    kind: 'contact_letter',
    title: 'Anschreiben mit Hilfeangebot',
    placeholders: [
      P.householdNames,
      { key: 'household.address', description: 'Anschrift des Haushalts (mehrzeilig)' },
      { key: 'landlord.name', description: 'Name des Vermieters' },
      { key: 'appointment.date', description: 'Datum des angebotenen Termins', type: 'date' },
      { key: 'appointment.time', description: 'Uhrzeit des angebotenen Termins, z. B. „10:00 Uhr“' },
      { key: 'appointment.place', description: 'Ort des Termins (Anschrift, Zimmer)' },
      ...COMMON,
    ],
    defaultBody: CONTACT_LETTER,
  },
  commitment_letter: {
    kind: 'commitment_letter',
    title: 'Verpflichtungserklärung (Kostenübernahme)',
    placeholders: [
      P.recipientName,
      P.recipientAddress,
      { key: 'recipient.reference', description: 'Zeichen des Empfängers (z. B. Aktenzeichen des Amtsgerichts)' },
      P.householdNames,
      P.objectAddress,
      { key: 'landlord.name', description: 'Name des Vermieters' },
      { key: 'commitment.amount', description: 'Übernommener Betrag', type: 'money' },
      { key: 'commitment.items', description: 'Was übernommen wird, z. B. Mietrückstand Juli bis September', type: 'list' },
      { key: 'commitment.basis', description: 'Rechtsgrundlage, z. B. § 22 Abs. 8 SGB II' },
      { key: 'commitment.validUntil', description: 'Gültig bis', type: 'date' },
      ...COMMON,
    ],
    defaultBody: COMMITMENT_LETTER,
  },
  aftercare_refusal: {
    kind: 'aftercare_refusal',
    title: 'Ablehnung der Wohnintegrationshilfe',
    placeholders: [
      P.householdNames,
      { key: 'household.address', description: 'Anschrift des Haushalts (mehrzeilig)' },
      { key: 'refusal.existingHelp', description: 'Die bereits installierte vergleichbare Hilfe (z. B. Hilfe nach § 67 SGB XII)' },
      { key: 'refusal.reason', description: 'Weitere Begründung (kann leer sein)' },
      ...COMMON,
    ],
    defaultBody: AFTERCARE_REFUSAL,
  },
  accommodation_order: {
    kind: 'accommodation_order',
    title: 'Einweisung in eine Unterkunft',
    placeholders: [P.householdNames, ...ACCOMMODATION, ...COMMON],
    defaultBody: ACCOMMODATION_ORDER,
  },
  accommodation_cost_note: {
    kind: 'accommodation_cost_note',
    title: 'Kostenübernahme für die Unterbringung',
    placeholders: [
      { key: 'operator.address', description: 'Anschrift des Betreibers (mehrzeilig)' },
      { key: 'costs.basis', description: 'Abrechnungsgrundlage (Vertrag oder vereinbarter Satz, je Person oder je Platz)' },
      ...ACCOMMODATION,
      ...COMMON,
    ],
    defaultBody: ACCOMMODATION_COST_NOTE,
  },
};

export function kindDef(kind: string): DocumentKindDef | undefined {
  return (DOCUMENT_KINDS as readonly string[]).includes(kind) ? DOCUMENT_KIND_DEFS[kind as TDocumentKind] : undefined;
}

export const placeholderKeys = (def: DocumentKindDef): string[] => def.placeholders.map((p) => p.key);

/** Sample values for every placeholder of every kind: the admin preview and the tests use them. */
export const SAMPLE_DATA: Record<string, unknown> = {
  agency: { name: 'Stadt Musterstadt – Fachstelle Wohnungsnotfälle', address: 'Rathausplatz 1\n79098 Musterstadt', city: 'Musterstadt' },
  today: '2026-11-21',
  reference: 'WP-2026-00042',
  staff: { name: 'Jürgen Weiß', phone: '0761 201-4711', email: 'juergen.weiss@musterstadt.example' },
  provider: { name: 'Wohnbau Süd GmbH & Co. KG', address: 'Königstraße 12\n79098 Musterstadt' },
  landlord: { name: 'Hausverwaltung Groß & Söhne' },
  household: { names: 'Özlem Yılmaz und Jörg Müller', address: 'Schöne Aussicht 3\n79100 Musterstadt' },
  object: { address: 'Lärchenweg 7, 2. OG links, 79102 Musterstadt', rooms: '3', livingSpace: '72,5' },
  lease: { start: '2026-12-01', coldRent: 61250, serviceCharges: 18000, heating: 9500, totalRent: 88750 },
  guarantee: {
    start: '2026-12-01',
    end: '2031-11-30',
    max: 1234556,
    signedOn: '2026-11-25',
    items: [
      'Mietrückstände (Kaltmiete, Betriebs- und Heizkosten)',
      'Schäden an der Mietsache über die übliche Abnutzung hinaus',
      'Kosten einer Räumung',
    ],
  },
  recipient: { name: 'Wohnbau Süd GmbH & Co. KG', address: 'Königstraße 12\n79098 Musterstadt', reference: '3 C 123/26' },
  assignment: { amount: 177500, months: ['Januar 2027', 'Februar 2027'] },
  appointment: { date: '2026-12-03', time: '10:00 Uhr', place: 'Rathausplatz 1, Zimmer 2.14' },
  commitment: {
    amount: 266250,
    items: ['Mietrückstand Juli bis September 2026', 'Gerichtskosten des Räumungsverfahrens'],
    basis: '§ 22 Abs. 8 SGB II',
    validUntil: '2027-01-31',
  },
  facility: { name: 'Unterkunft Lindenhof', address: 'Lindenstraße 5, 10969 Berlin' },
  operator: { name: 'Soziale Dienste Lindenhof gGmbH', address: 'Lindenstraße 5\n10969 Berlin' },
  stay: { from: '2026-12-01', persons: ['Özlem Yılmaz', 'Jörg Müller'], legalBasis: '§ 17 Abs. 1 ASOG Bln' },
  costs: {
    payer: 'die Fachstelle',
    basis: 'Vertrag, Tagessatz je Person',
    contribution: 'Der Haushalt trägt einen Eigenanteil von 50,00 € monatlich.',
  },
  refusal: {
    existingHelp: 'Hilfe nach § 67 SGB XII (Diakonie Musterstadt)',
    reason: 'Die bestehende Hilfe umfasst bereits regelmäßige Hausbesuche.',
  },
};
