import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/** The household record's part of an access request (Art. 15): master data, members, addresses, journal. */
export const householdSubjectData: SubjectDataContribution = {
  module: 'households',
  tables: [
    { table: 'households', via: 'household', column: 'id', title: { de: 'Stammdaten des Haushalts', en: 'Household master data' } },
    {
      table: 'household_members',
      via: 'household',
      memberColumn: 'id',
      title: { de: 'Personen im Haushalt', en: 'Household members' },
    },
    { table: 'household_addresses', via: 'household', title: { de: 'Anschriften und Aufenthalte', en: 'Addresses and whereabouts' } },
    { table: 'journal_entries', via: 'household', title: { de: 'Verlaufsdokumentation', en: 'Case journal' } },
  ],
};
