import { auditActionsDe } from '../../../web/i18n/de/auditActions.js';
import { householdProgrammesDe } from '../../../web/i18n/de/householdProgrammes.js';
import { auditActionsEn } from '../../../web/i18n/en/auditActions.js';
import { householdProgrammesEn } from '../../../web/i18n/en/householdProgrammes.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { SITUATION } from './households.export.js';

/*
 * The words of the household's file (PDF), German first, English complete. The code labels are the
 * web's: audit actions and programme kinds are the web's own tables (as the audit export uses them);
 * gender, relationship, journal kinds, roles and outcomes are copies that export.labels.unit.test.ts
 * keeps equal to src/web/i18n/{de,en}.ts.
 */

export const FILE_CODE_LABELS = {
  gender: {
    de: { female: 'weiblich', male: 'männlich', diverse: 'divers', unspecified: 'ohne Angabe' },
    en: { female: 'female', male: 'male', diverse: 'diverse', unspecified: 'not specified' },
  },
  relationship: {
    de: { head: 'Bezugsperson', partner: 'Partner*in', child: 'Kind', relative: 'Angehörige*r', other: 'Sonstige' },
    en: { head: 'Main person', partner: 'Partner', child: 'Child', relative: 'Relative', other: 'Other' },
  },
  journalKind: {
    de: { contact: 'Kontakt', visit: 'Hausbesuch', call: 'Telefonat', note: 'Notiz' },
    en: { contact: 'Contact', visit: 'Home visit', call: 'Phone call', note: 'Note' },
  },
  roles: {
    de: {
      case_manager: 'Sachbearbeitung/Ansprechperson',
      social_worker: 'Sozialarbeit',
      accommodation_worker: 'Sozialarbeit Unterkunft',
      lead: 'Leitung',
      provider_user: 'Wohnungsunternehmen',
      carrier_worker: 'Freier Träger',
      auditor: 'Datenschutz/Revision',
      dpo: 'Datenschutzbeauftragte*r',
      steering: 'Steuerung (Stadt)',
      operator_user: 'Betreiber einer Unterkunft',
      admin: 'Administration',
    },
    en: {
      case_manager: 'Case manager / contact person',
      social_worker: 'Social work',
      accommodation_worker: 'Social work (accommodation)',
      lead: 'Head of office',
      provider_user: 'Housing provider',
      carrier_worker: 'NGO carrier',
      auditor: 'Data protection / audit',
      dpo: 'Data-protection officer',
      steering: 'Steering (city)',
      operator_user: 'Shelter operator',
      admin: 'Administration',
    },
  },
  outcomes: {
    de: { success: 'erfolgreich', denied: 'verweigert', failure: 'fehlgeschlagen' },
    en: { success: 'success', denied: 'denied', failure: 'failure' },
  },
};

const TEXTS = {
  de: {
    title: 'Akte des Haushalts',
    file: 'Akte',
    reference: 'Aktenzeichen',
    household: 'Haushalt',
    agency: 'Dienststelle',
    generatedAt: 'Erstellt am',
    generatedBy: 'Erstellt von',
    purpose: 'Zweck',
    purposeText: 'Aktenführung; Auskunft nach Art. 15 DSGVO / § 83 SGB X',
    contents: 'Inhalt',
    confidential: 'Vertraulich – Sozialdaten (§ 35 SGB I)',
    page: (n: number, of: number) => `Seite ${n} von ${of}`,
    master: '1. Stammdaten',
    members: '2. Mitglieder',
    needs: '3. Bedarfe',
    programmes: '4. Programme und Fälle',
    journal: '5. Journal',
    consents: '6. Einwilligungen',
    accessLog: '7. Zugriffsprotokoll',
    situation: 'Wohnsituation',
    since: 'seit',
    seekingHousing: 'Wohnungssuchend (Vermittlungspool)',
    persons: 'Personen',
    status: 'Status',
    statusValue: { active: 'aktiv', closed: 'abgeschlossen' } as Record<string, string>,
    caseManager: 'Fallverantwortung',
    socialWorker: 'Sozialarbeit',
    createdAt: 'Angelegt',
    updatedAt: 'Zuletzt geändert',
    name: 'Name',
    birthDate: 'Geburtsdatum',
    gender: 'Geschlecht',
    nationality: 'Staatsangehörigkeit',
    relationship: 'Beziehung',
    contact: 'Kontakt',
    wheelchair: 'Rollstuhl',
    stepFree: 'stufenlos',
    pets: 'Haustiere',
    health: 'gesundheitliche Einschränkungen',
    districtsAvoid: 'Stadtteile meiden',
    districtsPrefer: 'Stadtteile bevorzugt',
    notes: 'Hinweise',
    noNeeds: 'Keine besonderen Bedarfe erfasst.',
    kind: 'Art',
    number: 'Nummer',
    state: 'Stand',
    flat: 'Wohnung',
    period: 'Zeitraum',
    rank: (r: number) => `Rang ${r}`,
    noProgrammes: 'Keine Fälle, die Sie sehen dürfen.',
    entries: (n: number) => `${n} ${n === 1 ? 'Eintrag' : 'Einträge'}, neueste zuerst.`,
    participated: 'Haushalt hat mitgewirkt',
    notParticipated: 'ohne Mitwirkung',
    by: 'von',
    noJournal: 'Noch keine Journaleinträge.',
    recipient: 'Empfänger',
    form: 'Form',
    givenBy: 'Erklärt von',
    given: 'Erteilt am',
    validUntil: 'gültig bis',
    withdrawn: 'Widerrufen am',
    inForce: 'nicht widerrufen',
    noConsents: 'Keine Einwilligungen erfasst.',
    consentsHidden: 'Einwilligungen gegenüber {{recipients}} sind für Ihre Rolle nicht einsehbar und hier nicht enthalten.',
    recipients: { placement: 'Wohnungsunternehmen', aftercare: 'freien Trägern' } as Record<string, string>,
    time: 'Zeitpunkt',
    actor: 'Person',
    role: 'Rolle',
    action: 'Aktion',
    outcome: 'Ergebnis',
    accessLogNote: (n: number, limit: number) =>
      n >= limit ? `Die ${limit} jüngsten Zugriffe, neueste zuerst.` : `${n} Zugriffe, neueste zuerst.`,
    system: 'System',
    none: '—',
    yes: 'ja',
    no: 'nein',
    cut: (n: number, total: number) => `Die ${n} neuesten von ${total} Einträgen.`,
  },
  en: {
    title: 'Household file',
    file: 'File',
    reference: 'File number',
    household: 'Household',
    agency: 'Office',
    generatedAt: 'Generated on',
    generatedBy: 'Generated by',
    purpose: 'Purpose',
    purposeText: 'File-keeping; access request under Art. 15 GDPR / § 83 SGB X',
    contents: 'Contents',
    confidential: 'Confidential – social data (§ 35 SGB I)',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    master: '1. Master data',
    members: '2. Members',
    needs: '3. Needs',
    programmes: '4. Programmes and cases',
    journal: '5. Journal',
    consents: '6. Consents',
    accessLog: '7. Access log',
    situation: 'Housing situation',
    since: 'since',
    seekingHousing: 'Seeking housing (placement pool)',
    persons: 'Persons',
    status: 'Status',
    statusValue: { active: 'active', closed: 'closed' } as Record<string, string>,
    caseManager: 'Case responsibility',
    socialWorker: 'Social work',
    createdAt: 'Created',
    updatedAt: 'Last changed',
    name: 'Name',
    birthDate: 'Date of birth',
    gender: 'Gender',
    nationality: 'Nationality',
    relationship: 'Relationship',
    contact: 'Contact',
    wheelchair: 'wheelchair',
    stepFree: 'step-free',
    pets: 'pets',
    health: 'health restrictions',
    districtsAvoid: 'Districts to avoid',
    districtsPrefer: 'Preferred districts',
    notes: 'Notes',
    noNeeds: 'No special needs recorded.',
    kind: 'Kind',
    number: 'Number',
    state: 'State',
    flat: 'Flat',
    period: 'Period',
    rank: (r: number) => `rank ${r}`,
    noProgrammes: 'No cases you may see.',
    entries: (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}, newest first.`,
    participated: 'household took part',
    notParticipated: 'without participation',
    by: 'by',
    noJournal: 'No journal entries yet.',
    recipient: 'Recipient',
    form: 'Form',
    givenBy: 'Given by',
    given: 'Given on',
    validUntil: 'valid until',
    withdrawn: 'Withdrawn on',
    inForce: 'not withdrawn',
    noConsents: 'No consents recorded.',
    consentsHidden: 'Consents towards {{recipients}} are not visible to your role and not included here.',
    recipients: { placement: 'housing companies', aftercare: 'NGO carriers' } as Record<string, string>,
    time: 'Time',
    actor: 'Person',
    role: 'Role',
    action: 'Action',
    outcome: 'Outcome',
    accessLogNote: (n: number, limit: number) =>
      n >= limit ? `The latest ${limit} accesses, newest first.` : `${n} accesses, newest first.`,
    system: 'System',
    none: '—',
    yes: 'yes',
    no: 'no',
    cut: (n: number, total: number) => `The newest ${n} of ${total} entries.`,
  },
} satisfies Record<ExportLang, unknown>;

export type FileTexts = (typeof TEXTS)['de'];

/** The file's words and code labels in one language. */
export function fileTexts(lang: ExportLang) {
  const code = (table: Record<ExportLang, Record<string, string>>) => (key: string | null) =>
    key === null ? TEXTS[lang].none : (table[lang][key] ?? key);
  return {
    t: TEXTS[lang] as FileTexts,
    situation: code(SITUATION),
    gender: code(FILE_CODE_LABELS.gender),
    relationship: code(FILE_CODE_LABELS.relationship),
    journalKind: code(FILE_CODE_LABELS.journalKind),
    role: code(FILE_CODE_LABELS.roles),
    outcome: code(FILE_CODE_LABELS.outcomes),
    action: code({ de: auditActionsDe, en: auditActionsEn }),
    programmeKind: code({ de: householdProgrammesDe.householdProgrammes.kind, en: householdProgrammesEn.householdProgrammes.kind }),
  };
}
export type FileLabels = ReturnType<typeof fileTexts>;

/** A calendar date (YYYY-MM-DD) as the language writes it: 06.12.2026 / 06/12/2026. */
export function fileDate(lang: ExportLang, date: string | null): string {
  if (!date) return TEXTS[lang].none;
  const [y, m, d] = date.slice(0, 10).split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** An instant on the Berlin wall clock: 06.12.2026, 14:05 / 06/12/2026, 14:05. */
export function fileDateTime(lang: ExportLang, at: string | Date): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
}
