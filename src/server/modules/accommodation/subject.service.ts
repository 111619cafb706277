import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/** Accommodation's part of an access request: the assignments (order-law decisions) and each person's stays. */
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
  ],
};
