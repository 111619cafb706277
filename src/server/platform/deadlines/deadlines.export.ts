import type { TDeadline } from '../../../contracts/notify.js';
import { defineListExport } from '../export/columns.js';

/* The labels are the web's (src/web/i18n/{de,en}/deadlineKinds.ts); export.labels.unit.test.ts keeps them equal. */
export const DEADLINE_KIND_LABELS = {
  de: {
    offer_check: 'Angebot prüfen',
    round_table: 'Runden Tisch planen',
    household_decision: 'Entscheidung des Haushalts',
    follow_up_talk: 'Nachgespräch nach Absage',
    contracts: 'Garantie- und Mietvertrag abschließen',
    guarantee_reminder: 'Garantie endet: Abschlussbewertung vorbereiten',
    closing_review: 'Abschlussbewertung',
    incident_assignment: 'Abtretungserklärung erfassen',
    incident_clarify: 'Gründe mit dem Haushalt klären',
    incident_forward: 'Vorfall an die Sozialarbeit weitergeben',
    incident_inform_provider: 'Wohnungsunternehmen informieren',
    incident_payout: 'Garantieleistung auszahlen',
    incident_recheck: 'Wiedervorlage: Miete bezahlt?',
    prevention_contact: 'Nächster Kontaktschritt',
    prevention_cure_end: 'Schonfrist endet',
    prevention_defence_end: 'Frist für die Verteidigungsanzeige',
    prevention_hearing: 'Verhandlungstermin',
    prevention_eviction: 'Räumungstermin',
    aftercare_annual_report: 'Jahresbericht der Wohnintegrationshilfe einreichen',
    privacy_request_due: 'Auskunft nach Art. 15 DSGVO erteilen',
    retention_review: 'Löschung nach Ablauf der Aufbewahrungsfrist bestätigen',
    accommodation_statistics: 'Bundesstatistik untergebrachter Wohnungsloser melden',
  },
  en: {
    offer_check: 'Check the offer',
    round_table: 'Plan the round table',
    household_decision: 'Household decision',
    follow_up_talk: 'Follow-up talk after refusal',
    contracts: 'Conclude guarantee and lease contracts',
    guarantee_reminder: 'Guarantee ends: prepare the closing review',
    closing_review: 'Closing review',
    incident_assignment: 'Record the assignment declaration',
    incident_clarify: 'Clarify the reasons with the household',
    incident_forward: 'Forward the incident to social work',
    incident_inform_provider: 'Inform the housing company',
    incident_payout: 'Pay out the guarantee',
    incident_recheck: 'Re-check: is the rent paid?',
    prevention_contact: 'Next contact step',
    prevention_cure_end: 'Cure period ends',
    prevention_defence_end: 'Deadline for the notice of defence',
    prevention_hearing: 'Court hearing',
    prevention_eviction: 'Eviction date',
    aftercare_annual_report: 'Submit the annual report of the aftercare carrier',
    privacy_request_due: 'Answer an access request (Art. 15 GDPR)',
    retention_review: 'Confirm erasure after the retention period',
    accommodation_statistics: 'Report the federal statistics of accommodated homeless persons',
  },
};

/** The deadline list as a file (the caller's own, or the agency's for a lead with scope=all). */
export const deadlineExport = defineListExport<TDeadline>({
  list: 'deadlines',
  file: { de: 'fristen', en: 'deadlines' },
  title: { de: 'Fristen', en: 'Deadlines' },
  columns: [
    { de: 'Fällig am', en: 'Due', kind: 'datetime', value: (d) => d.dueAt, width: 18 },
    { de: 'Überfällig', en: 'Overdue', kind: 'bool', value: (d) => d.overdue },
    { de: 'Art', en: 'Kind', value: (d) => d.kind, labels: DEADLINE_KIND_LABELS, width: 34 },
    { de: 'Frist', en: 'Deadline', value: (d) => d.title, width: 60 },
    { de: 'Zuständig', en: 'Assigned to', value: (d) => d.assignee?.displayName ?? null, width: 24 },
  ],
});
