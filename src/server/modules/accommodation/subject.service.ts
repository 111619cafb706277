import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/** Accommodation's part of an access request: the assignments (order-law decisions), each person's stays, invoiced and billed nights. */
export const accommodationSubjectData: SubjectDataContribution = {
  module: 'accommodation',
  tables: [
    {
      table: 'accommodation_assignments',
      via: 'household',
      title: { de: 'Unterbringungen (Einweisungen)', en: 'Accommodation (assignments)' },
    },
    {
      table: 'accommodation_stays',
      via: 'household',
      memberColumn: 'member_id',
      title: { de: 'Aufenthalte in Unterkünften', en: 'Stays in shelters' },
    },
    {
      table: 'accommodation_incidents',
      via: 'household',
      title: { de: 'Vorkommnisse in Unterkünften (vom Betreiber gemeldet)', en: 'Incidents in shelters (reported by the operator)' },
    },
    {
      table: 'accommodation_invoice_lines',
      via: 'household',
      memberColumn: 'member_id',
      title: { de: 'Rechnungszeilen der Betreiber (Übernachtungen)', en: "Operators' invoice lines (nights)" },
    },
    {
      table: 'accommodation_billed_nights',
      via: 'parent',
      column: 'stay_id',
      parent: 'accommodation_stays',
      title: { de: 'Abgerechnete Nächte', en: 'Billed nights' },
    },
  ],
};
