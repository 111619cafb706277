import type { z } from 'zod';
import type { ZCaseListItem } from '../../../contracts/prevention.js';
import { defineListExport } from '../../platform/export/columns.js';

/* The labels are the web's (src/web/i18n/{de,en}/prevention.ts); export.labels.unit.test.ts keeps them equal. */
export const PREVENTION_EXPORT_LABELS = {
  state: {
    de: { contacting: 'Kontaktaufnahme', clearing: 'Clearing', measures: 'Maßnahmen', closed: 'abgeschlossen' },
    en: { contacting: 'Contacting', clearing: 'Clearing', measures: 'Measures', closed: 'closed' },
  },
  source: {
    de: {
      court_notice: 'Mitteilung in Zivilsachen (Gericht)',
      landlord: 'Vermieter / Wohnungsunternehmen',
      job_centre: 'Jobcenter',
      self_referral: 'Selbstmeldung',
      other_service: 'anderer Dienst',
    },
    en: {
      court_notice: 'Court notice (civil matters)',
      landlord: 'Landlord / housing company',
      job_centre: 'Job centre',
      self_referral: 'Self-referral',
      other_service: 'Other service',
    },
  },
  stage: {
    de: {
      reminder: 'Mahnung',
      termination: 'Kündigung',
      lawsuit: 'Räumungsklage',
      judgment: 'Räumungsurteil',
      eviction_date: 'Räumungstermin',
    },
    en: {
      reminder: 'Reminder',
      termination: 'Termination',
      lawsuit: 'Eviction lawsuit',
      judgment: 'Eviction judgment',
      eviction_date: 'Eviction date',
    },
  },
  outcome: {
    de: {
      home_kept: 'Wohnung erhalten',
      alternative_housing: 'anderer Wohnraum gefunden',
      home_lost: 'Wohnung verloren',
      no_contact: 'kein Kontakt zustande gekommen',
      help_declined: 'Hilfe abgelehnt',
    },
    en: {
      home_kept: 'Home kept',
      alternative_housing: 'Alternative housing found',
      home_lost: 'Home lost',
      no_contact: 'No contact reached',
      help_declined: 'Help declined',
    },
  },
};
const L = PREVENTION_EXPORT_LABELS;

/** The prevention case list (the queue) as a file. */
export const preventionExport = defineListExport<z.infer<typeof ZCaseListItem>>({
  list: 'prevention_cases',
  file: { de: 'praeventionsfaelle', en: 'prevention-cases' },
  title: { de: 'Prävention – Fälle', en: 'Prevention cases' },
  columns: [
    { de: 'Aktenzeichen', en: 'File number', value: (c) => c.reference, width: 16 },
    { de: 'Stand', en: 'Status', value: (c) => c.status, labels: L.state },
    { de: 'Bezugsperson', en: 'Main contact', value: (c) => c.name, width: 28 },
    { de: 'Anschrift', en: 'Address', value: (c) => c.address, width: 36 },
    { de: 'Quelle', en: 'Source', value: (c) => c.source, labels: L.source, width: 28 },
    { de: 'Gefährdungsstand', en: 'Threat stage', value: (c) => c.threatStage, labels: L.stage, width: 18 },
    { de: 'Rückstand', en: 'Arrears', kind: 'euro', value: (c) => c.arrearsCents },
    { de: 'Eingang', en: 'Received', kind: 'date', value: (c) => c.receivedOn },
    { de: 'Räumungstermin', en: 'Eviction', kind: 'datetime', value: (c) => c.evictionAt, width: 18 },
    { de: 'Schonfrist bis', en: 'Cure period ends', kind: 'date', value: (c) => c.cureEnd, width: 16 },
    { de: 'Verhandlungstermin', en: 'Hearing', kind: 'datetime', value: (c) => c.hearingAt, width: 18 },
    { de: 'Nächster Kontaktschritt', en: 'Next contact step', value: (c) => c.nextContactLabel, width: 26 },
    { de: 'Kontaktschritt fällig', en: 'Contact step due', kind: 'date', value: (c) => c.nextContactDueOn, width: 18 },
    { de: 'Ergebnis', en: 'Outcome', value: (c) => c.outcome, labels: L.outcome, width: 24 },
    { de: 'Fallverantwortung', en: 'Case manager', value: (c) => c.caseManager?.displayName ?? null, width: 22 },
    { de: 'Sozialarbeit', en: 'Social worker', value: (c) => c.socialWorker?.displayName ?? null, width: 22 },
  ],
});
