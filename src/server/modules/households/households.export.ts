import { isoDateIn } from '../../../contracts/format.js';
import type { THouseholdListItem } from '../../../contracts/households.js';
import { defineListExport } from '../../platform/export/columns.js';

/* The labels are the web's (src/web/i18n/{de,en}.ts, situation); export.labels.unit.test.ts keeps them equal. */
export const SITUATION = {
  de: {
    in_accommodation: 'in der Unterkunft',
    hidden_homeless: 'verdeckt wohnungslos',
    rough_sleeping: 'auf der Straße',
    at_risk: 'von Wohnungslosigkeit bedroht',
    housed: 'mit Wohnraum versorgt',
  },
  en: {
    in_accommodation: 'in accommodation',
    hidden_homeless: 'hidden homeless',
    rough_sleeping: 'sleeping rough',
    at_risk: 'at risk of homelessness',
    housed: 'housed',
  },
};

/* The web's householdAddresses.kind (src/web/i18n/{de,en}/householdAddresses.ts). */
export const WHEREABOUTS = {
  de: {
    own_flat: 'eigene Wohnung',
    sublet: 'Untermiete',
    relatives_friends: 'bei Verwandten oder Bekannten',
    shelter: 'Unterkunft / Notunterkunft',
    clinic: 'Klinik',
    prison: 'Haft',
    street: 'Straße (ohne festen Wohnsitz)',
    unknown: 'unbekannt',
    other: 'sonstiges',
  },
  en: {
    own_flat: 'own flat',
    sublet: 'sublet',
    relatives_friends: 'with relatives or friends',
    shelter: 'shelter / emergency accommodation',
    clinic: 'clinic',
    prison: 'prison',
    street: 'street (no fixed abode)',
    unknown: 'unknown',
    other: 'other',
  },
};

/** The household list as a file: the list's columns. */
export const householdExport = defineListExport<THouseholdListItem>({
  list: 'households',
  file: { de: 'haushalte', en: 'households' },
  title: { de: 'Haushalte', en: 'Households' },
  columns: [
    { de: 'Aktenzeichen', en: 'File number', value: (h) => h.reference, width: 16 },
    { de: 'Name', en: 'Name', value: (h) => h.name, width: 30 },
    { de: 'Personen', en: 'Persons', kind: 'number', value: (h) => h.persons },
    { de: 'Wohnsituation', en: 'Housing situation', value: (h) => h.situation, labels: SITUATION, width: 30 },
    { de: 'Wohnsituation seit', en: 'Situation since', kind: 'date', value: (h) => h.situationSince },
    { de: 'Wohnungssuchend', en: 'Seeking housing', kind: 'bool', value: (h) => h.seekingHousing },
    { de: 'Aufenthalt', en: 'Whereabouts', value: (h) => h.whereabouts, labels: WHEREABOUTS, width: 28 },
    { de: 'Anschrift', en: 'Address', value: (h) => h.address, width: 36 },
    { de: 'Bezirk', en: 'District', value: (h) => h.district, width: 18 },
    // The day in Berlin (deadlines fall due at the end of a Berlin day).
    {
      de: 'Nächste Frist',
      en: 'Next deadline',
      kind: 'date',
      value: (h) => (h.nextDeadline ? isoDateIn(new Date(h.nextDeadline.dueAt)) : null),
    },
    { de: 'Frist überfällig', en: 'Deadline overdue', kind: 'bool', value: (h) => h.nextDeadline?.overdue ?? false },
    { de: 'Fallverantwortung', en: 'Case responsibility', value: (h) => h.caseManager?.displayName ?? null, width: 24 },
    { de: 'Geändert', en: 'Changed', kind: 'datetime', value: (h) => h.updatedAt, width: 18 },
  ],
});
