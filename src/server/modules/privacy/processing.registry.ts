/*
 * Records of processing activities (Art. 30 DSGVO), kept in the code: one entry per programme or
 * module that processes personal data. The data-protection officer's PDF is generated from this
 * list, so it changes when the code changes; processing.registry.unit.test.ts fails when a module
 * with personal data (a subject-data contribution, or a module folder) has no entry here.
 */

type T = { de: string; en: string };

export interface ProcessingActivity {
  /** The module's id (src/server/modules/<module>); the subject-data contribution's `module`. */
  module: string;
  name: T;
  purposes: { purpose: T; legalBasis: T }[];
  dataCategories: T[];
  subjects: T[];
  recipients: T[];
  retention: T;
  /** Technical and organisational measures (Art. 32) specific to this activity, beyond the common ones. */
  measures: T[];
}

/** Measures every activity shares (the platform's). */
export const COMMON_MEASURES: T[] = [
  {
    de: 'Mandantentrennung je Behörde durch Row-Level-Security in PostgreSQL',
    en: 'Separation per agency by PostgreSQL row-level security',
  },
  {
    de: 'Rollen- und Zuständigkeitsprüfung bei jedem Zugriff; verweigerte Zugriffe werden protokolliert',
    en: 'Role and relationship check on every access; denied attempts are logged',
  },
  {
    de: 'Lückenloses, hash-verkettetes Zugriffsprotokoll (jedes Lesen und Ändern)',
    en: 'Complete hash-chained audit trail (every read and change)',
  },
  {
    de: 'Transportverschlüsselung (TLS), Passwörter mit Argon2, Zwei-Faktor-Anmeldung je Rolle',
    en: 'Transport encryption (TLS), Argon2 password hashes, two-factor login per role',
  },
];

const SGB_X_67A = {
  de: '§ 67a SGB X i. V. m. Art. 6 Abs. 1 lit. e, Art. 9 Abs. 2 lit. b DSGVO',
  en: '§ 67a SGB X with Art. 6(1)(e), Art. 9(2)(b) GDPR',
};
const STAFF = {
  de: 'Beschäftigte der Fachstelle (Sachbearbeitung, Sozialarbeit, Leitung)',
  en: 'Office staff (case management, social work, lead)',
};
const HOUSEHOLDS = {
  de: 'Wohnungsnotfälle: Haushalte und ihre Mitglieder, auch Kinder',
  en: 'Housing emergencies: households and their members, children included',
};
const CORE = [
  {
    de: 'Namen, Geburtsdaten, Geschlecht, Staatsangehörigkeit, Kontaktdaten',
    en: 'Names, birth dates, gender, nationality, contact details',
  },
  { de: 'Wohnsituation und Anschriften', en: 'Housing situation and addresses' },
];
const TEN_YEARS = {
  de: '10 Jahre nach Abschluss des Falls (Einstellung der Behörde), danach Anonymisierung',
  en: '10 years after the case closes (agency setting), then anonymisation',
};

export const PROCESSING_ACTIVITIES: readonly ProcessingActivity[] = [
  {
    module: 'households',
    name: { de: 'Haushaltsakte der Fachstelle', en: 'Household file of the office' },
    purposes: [
      {
        purpose: {
          de: 'Hilfe in Wohnungsnotfällen (Beratung, Unterbringung, Vermittlung)',
          en: 'Help in housing emergencies (advice, shelter, placement)',
        },
        legalBasis: {
          de: '§§ 67, 68 SGB XII, § 67a SGB X, Polizei- und Ordnungsrecht (Unterbringung)',
          en: '§§ 67, 68 SGB XII, § 67a SGB X, public-order law (shelter)',
        },
      },
    ],
    dataCategories: [
      ...CORE,
      {
        de: 'Bedarfe (Barrierefreiheit, Gesundheit — Art. 9 DSGVO), Verlaufsdokumentation',
        en: 'Needs (accessibility, health — Art. 9 GDPR), case journal',
      },
    ],
    subjects: [HOUSEHOLDS],
    recipients: [
      {
        de: 'Keine außerhalb der Fachstelle; Programme nur über deren eigene Rechtsgrundlage',
        en: 'None outside the office; programmes only on their own legal basis',
      },
    ],
    retention: TEN_YEARS,
    measures: [
      {
        de: 'Sichtbarkeit je Rolle (Sozialarbeit: eigene Haushalte; Unterkunft: untergebrachte Haushalte)',
        en: 'Visibility per role (social work: own households; shelter: housed in shelters)',
      },
    ],
  },
  {
    module: 'prevention',
    name: { de: 'Prävention: Wohnungssicherung bei drohendem Verlust', en: 'Prevention: keeping the home' },
    purposes: [
      {
        purpose: { de: 'Kontaktaufnahme und Hilfe nach Mitteilung in Zivilsachen', en: 'Contact and help after a court notice' },
        legalBasis: { de: '§ 22 Abs. 9 SGB II, § 36 Abs. 2 SGB XII, § 67a SGB X', en: '§ 22(9) SGB II, § 36(2) SGB XII, § 67a SGB X' },
      },
      {
        purpose: { de: 'Übernahme von Mietschulden', en: 'Assumption of rent debts' },
        legalBasis: { de: '§ 22 Abs. 8 SGB II, § 36 SGB XII', en: '§ 22(8) SGB II, § 36 SGB XII' },
      },
    ],
    dataCategories: [
      ...CORE,
      {
        de: 'Mietrückstände, Kündigung, Räumungsklage und -termin, Maßnahmen, Vermittlungen',
        en: 'Rent arrears, termination, eviction lawsuit and date, measures, referrals',
      },
    ],
    subjects: [HOUSEHOLDS, { de: 'Vermietende (Name, Kontakt)', en: 'Landlords (name, contact)' }],
    recipients: [
      {
        de: 'Vermietende und Gerichte (Zusage der Übernahme), Träger der Nachsorge bei Übergabe',
        en: 'Landlords and courts (commitment letters), aftercare carriers on hand-over',
      },
    ],
    retention: TEN_YEARS,
    measures: [{ de: 'Eingelesene Listen nur für Sachbearbeitung und Leitung', en: 'Imported lists only for case managers and leads' }],
  },
  {
    module: 'placement',
    name: { de: 'Vermittlung in Wohnraum (WohnenPlus)', en: 'Placement into housing (WohnenPlus)' },
    purposes: [
      { purpose: { de: 'Auswahl von Haushalten für Wohnungsangebote', en: 'Selecting households for flat offers' }, legalBasis: SGB_X_67A },
      {
        purpose: { de: 'Übermittlung an das Wohnungsunternehmen', en: 'Disclosure to the housing company' },
        legalBasis: {
          de: 'Einwilligung, § 67b Abs. 2 SGB X, Art. 6 Abs. 1 lit. a DSGVO',
          en: 'Consent, § 67b(2) SGB X, Art. 6(1)(a) GDPR',
        },
      },
    ],
    dataCategories: [
      ...CORE,
      {
        de: 'Eignung, Rangfolge, Entscheidungen, Besichtigungen, Einwilligungen',
        en: 'Suitability, ranking, decisions, viewings, consents',
      },
    ],
    subjects: [HOUSEHOLDS, { de: 'Beschäftigte der Wohnungsunternehmen', en: 'Housing company staff' }],
    recipients: [
      {
        de: 'Wohnungsunternehmen — nur mit Einwilligung, im Übermittlungsprotokoll festgehalten',
        en: 'Housing companies — only with consent, recorded in the transfer log',
      },
    ],
    retention: TEN_YEARS,
    measures: [
      { de: 'Übermittlung technisch an eine wirksame Einwilligung gebunden', en: 'Disclosure technically bound to a valid consent' },
    ],
  },
  {
    module: 'sustainment',
    name: { de: 'Sicherung von Mietverhältnissen (Garantiezeit)', en: 'Tenancy sustainment (guarantee period)' },
    purposes: [
      {
        purpose: {
          de: 'Begleitung bei Mietausfall und Konflikten, Garantieleistung und Rückforderung',
          en: 'Support on rent default and conflict, guarantee payout and recovery',
        },
        legalBasis: {
          de: 'Garantievertrag (Art. 6 Abs. 1 lit. b, e DSGVO), § 67a SGB X',
          en: 'Guarantee contract (Art. 6(1)(b), (e) GDPR), § 67a SGB X',
        },
      },
    ],
    dataCategories: [
      ...CORE,
      { de: 'Mietverhältnis, Mietausfälle, Zahlungen, Ratenvereinbarungen', en: 'Tenancy, rent defaults, payments, instalment agreements' },
    ],
    subjects: [HOUSEHOLDS, { de: 'Beschäftigte der Wohnungsunternehmen', en: 'Housing company staff' }],
    recipients: [{ de: 'Wohnungsunternehmen (eigene Mietverhältnisse)', en: 'Housing companies (their own tenancies)' }],
    retention: TEN_YEARS,
    measures: [],
  },
  {
    module: 'aftercare',
    name: { de: 'Wohnintegrationshilfe (Nachsorge durch freie Träger)', en: 'Aftercare by independent carriers' },
    purposes: [
      {
        purpose: { de: 'Hilfe zur Erhaltung der Wohnung nach Einzug', en: 'Help to keep the home after moving in' },
        legalBasis: { de: '§ 67 SGB XII, § 67a SGB X', en: '§ 67 SGB XII, § 67a SGB X' },
      },
      {
        purpose: { de: 'Übermittlung an den beauftragten Träger', en: 'Transfer to the commissioned carrier' },
        legalBasis: { de: 'Einwilligung, § 67b SGB X, § 80 SGB X (Auftrag)', en: 'Consent, § 67b SGB X, § 80 SGB X (commission)' },
      },
    ],
    dataCategories: [...CORE, { de: 'Hilfeplan, Hausbesuche, Kontakte, Vermittlungen', en: 'Help plan, home visits, contacts, referrals' }],
    subjects: [HOUSEHOLDS, { de: 'Beschäftigte der Träger', en: 'Carrier staff' }],
    recipients: [
      { de: 'Freie Träger — nur bei wirksamer Einwilligung, protokolliert', en: 'Independent carriers — only with valid consent, logged' },
    ],
    retention: TEN_YEARS,
    measures: [{ de: 'Träger sehen nur eigene, eingewilligte Fälle', en: 'Carriers see only their own consented cases' }],
  },
  {
    module: 'accommodation',
    name: { de: 'Unterbringung nach Ordnungsrecht (Notunterkünfte)', en: 'Accommodation under police and order law (shelters)' },
    purposes: [
      {
        purpose: { de: 'Einweisung, Aufenthalt und Auszug, Kostenübernahme', en: 'Assignment, stay and move-out, cost coverage' },
        legalBasis: {
          de: 'Polizei- und Ordnungsrecht des Landes (z. B. ASOG Bln), § 67a SGB X',
          en: "The state's police and order law (e.g. ASOG Bln), § 67a SGB X",
        },
      },
      {
        purpose: { de: 'Kostenübernahme an den Betreiber der Unterkunft', en: 'Cost-coverage note to the shelter operator' },
        legalBasis: { de: '§ 69 Abs. 1 Nr. 1 SGB X', en: '§ 69(1) no. 1 SGB X' },
      },
      {
        purpose: {
          de: 'Bundesstatistik untergebrachter Wohnungsloser zum Stichtag 31. Januar (Datensätze ohne Namen)',
          en: 'Federal statistics of accommodated homeless persons on the reference day 31 January (records without names)',
        },
        legalBasis: {
          de: 'WoBerichtsG (Erhebungsmerkmale § 4, Auskunftspflicht), § 71 Abs. 1 SGB X',
          en: 'WoBerichtsG (attributes § 4, duty to report), § 71(1) SGB X',
        },
      },
    ],
    dataCategories: [
      ...CORE,
      {
        de: 'Unterkunft, Platz, Ein- und Auszug, Kostenträger, Eigenanteil',
        en: 'Shelter, place, move-in and move-out, payer, own contribution',
      },
      { de: 'Vorkommnisse in der Unterkunft (vom Betreiber gemeldet)', en: 'Incidents in the shelter (reported by the operator)' },
    ],
    subjects: [HOUSEHOLDS, { de: 'Ansprechpersonen der Betreiber', en: 'Contact persons of the operators' }],
    recipients: [
      { de: 'Betreiber der Unterkunft (Mindestdaten zur Aufnahme)', en: 'Shelter operator (minimum data to receive the person)' },
      { de: 'Jobcenter, wo es die Kosten trägt (SGB II)', en: 'Jobcenter where it pays (SGB II)' },
      {
        de: 'Statistisches Landesamt (Merkmale nach § 4 WoBerichtsG, ohne Namen)',
        en: 'State statistical office (attributes of § 4 WoBerichtsG, without names)',
      },
    ],
    retention: TEN_YEARS,
    measures: [
      {
        de: 'Betreiberportal: nur die eigenen Unterkünfte und die Mindestangaben zur Aufnahme, nie die Akte',
        en: 'Operator portal: only its own facilities and the minimum data to receive a person, never the file',
      },
    ],
  },
  {
    module: 'retention',
    name: { de: 'Aufbewahrung, Einschränkung und Berichtigung', en: 'Retention, restriction and rectification' },
    purposes: [
      {
        purpose: {
          de: 'Löschung nach Ablauf der Aufbewahrungsfrist (Anonymisierung)',
          en: 'Erasure after the retention period (anonymisation)',
        },
        legalBasis: { de: 'Art. 17 DSGVO, § 84 SGB X', en: 'Art. 17 GDPR, § 84 SGB X' },
      },
      {
        purpose: { de: 'Einschränkung der Verarbeitung, Berichtigung', en: 'Restriction of processing, rectification' },
        legalBasis: { de: 'Art. 16, 18 DSGVO, § 84 SGB X', en: 'Art. 16, 18 GDPR, § 84 SGB X' },
      },
    ],
    dataCategories: [
      {
        de: 'Prüfungen der Aufbewahrungsfrist, Einschränkungen, alte und neue Werte von Berichtigungen',
        en: 'Retention reviews, restrictions, old and new values of rectifications',
      },
    ],
    subjects: [HOUSEHOLDS],
    recipients: [{ de: 'Keine', en: 'None' }],
    retention: {
      de: 'Wie der zugehörige Fall; Berichtigungswerte werden mit dem Haushalt anonymisiert',
      en: 'As the case; rectification values are anonymised with the household',
    },
    measures: [],
  },
  {
    module: 'privacy',
    name: { de: 'Auskunftsanträge betroffener Personen', en: 'Access requests of data subjects' },
    purposes: [
      {
        purpose: { de: 'Auskunft nach Art. 15 DSGVO, § 83 SGB X', en: 'Access under Art. 15 GDPR, § 83 SGB X' },
        legalBasis: { de: 'Art. 6 Abs. 1 lit. c DSGVO', en: 'Art. 6(1)(c) GDPR' },
      },
    ],
    dataCategories: [{ de: 'Antrag, Eingang, Frist, erstellte Auskunft', en: 'Request, receipt, deadline, produced export' }],
    subjects: [HOUSEHOLDS],
    recipients: [{ de: 'Die betroffene Person selbst', en: 'The data subject' }],
    retention: {
      de: '3 Jahre nach Erledigung (Nachweis, Art. 5 Abs. 2 DSGVO)',
      en: '3 years after completion (accountability, Art. 5(2) GDPR)',
    },
    measures: [{ de: 'Datenschutzbeauftragte sehen Anträge, nicht deren Inhalt', en: 'The DPO sees requests, not their content' }],
  },
  {
    module: 'users',
    name: { de: 'Benutzerkonten', en: 'User accounts' },
    purposes: [
      {
        purpose: { de: 'Anmeldung, Zuständigkeit, Protokollierung', en: 'Login, responsibility, logging' },
        legalBasis: { de: 'Art. 6 Abs. 1 lit. c, e DSGVO, § 26 BDSG / Landesrecht', en: 'Art. 6(1)(c), (e) GDPR, § 26 BDSG / state law' },
      },
    ],
    dataCategories: [{ de: 'Name, dienstliche E-Mail, Rolle, Anmeldezeiten', en: 'Name, work e-mail, role, login times' }],
    subjects: [
      STAFF,
      { de: 'Beschäftigte externer Stellen (Wohnungsunternehmen, Träger)', en: 'External staff (housing companies, carriers)' },
    ],
    recipients: [{ de: 'Keine', en: 'None' }],
    retention: { de: 'Bis zur Deaktivierung; Protokolle nach eigener Frist', en: 'Until deactivated; logs by their own period' },
    measures: [],
  },
  {
    module: 'providers',
    name: { de: 'Wohnungsunternehmen und Träger (Kontaktpersonen)', en: 'Housing companies and carriers (contacts)' },
    purposes: [
      {
        purpose: { de: 'Zusammenarbeit in den Programmen', en: 'Cooperation in the programmes' },
        legalBasis: { de: 'Art. 6 Abs. 1 lit. b, e DSGVO', en: 'Art. 6(1)(b), (e) GDPR' },
      },
    ],
    dataCategories: [{ de: 'Name, Kontaktdaten der Ansprechpersonen', en: 'Names and contact details of contact persons' }],
    subjects: [{ de: 'Ansprechpersonen der Organisationen', en: 'Contact persons of the organisations' }],
    recipients: [{ de: 'Keine', en: 'None' }],
    retention: { de: 'Für die Dauer der Zusammenarbeit', en: 'For the duration of the cooperation' },
    measures: [],
  },
];

/** Module folders that hold no personal data of their own (they read other modules' data through those modules). */
export const NO_OWN_PERSONAL_DATA: Record<string, string> = {
  agencies: 'Settings of the agency (letterhead, programme parameters): no personal data',
  desk: 'The start page reads the modules through their DeskContribution',
  search: 'The search reads the modules through their services',
  steering: 'Aggregated, small-cell-suppressed figures only',
};
