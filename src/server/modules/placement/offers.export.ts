import type { z } from 'zod';
import type { ZOfferListItem } from '../../../contracts/placement.js';
import { defineListExport } from '../../platform/export/columns.js';

/* The labels are the web's (src/web/i18n/{de,en}/placement.ts, placement.state); export.labels.unit.test.ts keeps them equal. */
export const OFFER_STATE_LABELS = {
  de: {
    draft: 'Entwurf',
    submitted: 'eingereicht',
    declined: 'abgelehnt',
    shortlisting: 'Vorauswahl',
    round_table: 'runder Tisch',
    allocated: 'vergeben',
    let: 'vermietet',
    withdrawn: 'zurückgezogen',
  },
  en: {
    draft: 'draft',
    submitted: 'submitted',
    declined: 'declined',
    shortlisting: 'shortlisting',
    round_table: 'round table',
    allocated: 'allocated',
    let: 'let',
    withdrawn: 'withdrawn',
  },
};

/* The web's placement.candidateState and placement.consentForm (export.labels.unit.test.ts). */
export const CANDIDATE_STATE_LABELS = {
  de: {
    shortlisted: 'in der Vorauswahl',
    presented: 'vorgestellt',
    viewing_scheduled: 'Besichtigung geplant',
    viewed: 'besichtigt',
    accepted: 'Zusage',
    refused: 'Absage',
    vetoed: 'Veto',
    allocated: 'Wohnung vergeben',
    not_selected: 'nicht ausgewählt',
    withdrawn: 'aus der Vorauswahl genommen',
  },
  en: {
    shortlisted: 'shortlisted',
    presented: 'presented',
    viewing_scheduled: 'viewing scheduled',
    viewed: 'viewed',
    accepted: 'accepted',
    refused: 'refused',
    vetoed: 'vetoed',
    allocated: 'flat allocated',
    not_selected: 'not selected',
    withdrawn: 'taken off the shortlist',
  },
};
/* The web's placementAdmin.consent.purpose: what a placement consent covers. */
export const CONSENT_PURPOSE_LABELS = {
  de: {
    placement_disclosure:
      'Übermittlung von Mindestangaben (Vorname, Haushaltsgröße, Einzugsbereitschaft) an das Wohnungsunternehmen zur Wohnungsvermittlung (§ 67b SGB X)',
  },
  en: {
    placement_disclosure:
      'Transfer of minimal data (first name, household size, move-in readiness) to the housing company for housing placement (§ 67b SGB X)',
  },
};
export const CONSENT_FORM_LABELS = {
  de: { written: 'schriftlich', electronic: 'elektronisch', oral: 'mündlich' },
  en: { written: 'written', electronic: 'electronic', oral: 'oral' },
};

/** The offer list (the Fachstelle's queue, or a housing company's own offers in the portal) as a file. */
export const offerExport = defineListExport<z.infer<typeof ZOfferListItem>>({
  list: 'offers',
  file: { de: 'wohnungsangebote', en: 'offers' },
  title: { de: 'Wohnungsangebote', en: 'Housing offers' },
  columns: [
    { de: 'Aktenzeichen', en: 'File number', value: (o) => o.reference, width: 16 },
    { de: 'Status', en: 'Status', value: (o) => o.status, labels: OFFER_STATE_LABELS, width: 16 },
    { de: 'Wohnungsunternehmen', en: 'Housing company', value: (o) => o.provider.name, width: 28 },
    { de: 'Anschrift', en: 'Address', value: (o) => o.address, width: 36 },
    { de: 'Bezirk', en: 'District', value: (o) => o.district, width: 16 },
    { de: 'Zimmer', en: 'Rooms', kind: 'number', value: (o) => o.rooms },
    { de: 'Fläche (m²)', en: 'Floor space (m²)', kind: 'number', value: (o) => o.livingSpace },
    { de: 'Kaltmiete', en: 'Cold rent', kind: 'euro', value: (o) => o.coldRentCents },
    { de: 'Frei ab', en: 'Available from', kind: 'date', value: (o) => o.availableFrom },
    { de: 'Kandidaten', en: 'Candidates', kind: 'number', value: (o) => o.candidates },
    { de: 'Nächste Frist', en: 'Next deadline', value: (o) => o.nextDeadline?.title ?? null, width: 40 },
    { de: 'Frist fällig am', en: 'Deadline due', kind: 'datetime', value: (o) => o.nextDeadline?.dueAt ?? null, width: 18 },
    { de: 'Fallverantwortung', en: 'Case manager', value: (o) => o.caseManager?.displayName ?? null, width: 22 },
    { de: 'Geändert', en: 'Changed', kind: 'datetime', value: (o) => o.updatedAt, width: 18 },
  ],
});
