import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/** Prevention's part of an access request: cases, contact attempts, measures, referrals, visits, court notices, import rows. */
export const preventionSubjectData: SubjectDataContribution = {
  module: 'prevention',
  tables: [
    { table: 'prevention_cases', via: 'household', title: { de: 'Fälle der Prävention (Wohnungssicherung)', en: 'Prevention cases' } },
    {
      table: 'prevention_contact_attempts',
      via: 'parent',
      parent: 'prevention_cases',
      column: 'case_id',
      title: { de: 'Kontaktversuche', en: 'Contact attempts' },
    },
    {
      table: 'prevention_measures',
      via: 'parent',
      parent: 'prevention_cases',
      column: 'case_id',
      title: { de: 'Maßnahmen', en: 'Measures' },
    },
    {
      table: 'prevention_referrals',
      via: 'parent',
      parent: 'prevention_cases',
      column: 'case_id',
      title: { de: 'Vermittlungen', en: 'Referrals' },
    },
    {
      table: 'prevention_notices',
      via: 'parent',
      parent: 'prevention_cases',
      column: 'case_id',
      title: { de: 'Mitteilungen (Gericht, Vermieter)', en: 'Notices (court, landlord)' },
    },
    { table: 'prevention_visits', via: 'household', title: { de: 'Besuche in der Sprechstunde', en: 'Consultation-hour visits' } },
    {
      table: 'prevention_import_rows',
      via: 'household',
      column: ['household_id', 'match_household_id', 'possible_household_id'],
      title: { de: 'Zeilen aus eingelesenen Listen', en: 'Rows of imported lists' },
    },
  ],
};
