import type { z } from 'zod';
import type { ZAftercareListItem } from '../../../contracts/aftercare.js';
import { defineListExport } from '../../platform/export/columns.js';

/* The labels are the web's (src/web/i18n/{de,en}/aftercare.ts); export.labels.unit.test.ts keeps them equal. */
export const AFTERCARE_EXPORT_LABELS = {
  state: {
    de: { referred: 'gemeldet', checked: 'geprüft', granted: 'bewilligt', refused: 'abgelehnt', active: 'laufend', ended: 'beendet' },
    en: { referred: 'referred', checked: 'checked', granted: 'granted', refused: 'refused', active: 'active', ended: 'ended' },
  },
  targetGroup: {
    de: { precarious_housing: '(a) prekäre Wohnsituation', secured_tenancy: '(b) gesichertes Mietverhältnis mit Wiederholungsgefahr' },
    en: { precarious_housing: '(a) precarious housing', secured_tenancy: '(b) secured tenancy at risk of recurrence' },
  },
  consentForm: {
    de: { written: 'schriftlich', electronic: 'elektronisch', oral_documented: 'mündlich (dokumentiert)' },
    en: { written: 'written', electronic: 'electronic', oral_documented: 'oral (documented)' },
  },
};
const L = AFTERCARE_EXPORT_LABELS;

/** The aftercare case list (the Fachstelle's, or a carrier's own cases) as a file: the list's columns, nothing more. */
export const aftercareExport = defineListExport<z.infer<typeof ZAftercareListItem>>({
  list: 'aftercare_cases',
  file: { de: 'nachsorgefaelle', en: 'aftercare-cases' },
  title: { de: 'Nachsorge – Fälle', en: 'Aftercare cases' },
  columns: [
    { de: 'Aktenzeichen', en: 'File number', value: (c) => c.reference, width: 16 },
    { de: 'Stand', en: 'Status', value: (c) => c.state, labels: L.state },
    { de: 'Name', en: 'Name', value: (c) => c.name, width: 28 },
    { de: 'Zielgruppe', en: 'Target group', value: (c) => c.targetGroup, labels: L.targetGroup, width: 40 },
    { de: 'Träger', en: 'Carrier', value: (c) => c.carrier.name, width: 28 },
    { de: 'Fachkraft des Trägers', en: 'Carrier worker', value: (c) => c.carrierWorker?.name ?? null, width: 24 },
    { de: 'Gemeldet am', en: 'Referred on', kind: 'date', value: (c) => c.referredOn },
    { de: 'Bewilligt bis', en: 'Granted until', kind: 'date', value: (c) => c.grantedUntil },
    { de: 'Nächster Besuch fällig', en: 'Next visit due', kind: 'date', value: (c) => c.nextVisitDueOn, width: 20 },
    { de: 'Einwilligung', en: 'Consent', kind: 'bool', value: (c) => c.consentGiven },
  ],
});
