import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/**
 * The platform's records about a household, declared by the privacy module: its deadlines, the state
 * changes of its cases (domain event log), the documents generated for any exported record (letters, contracts: named, the bytes are handed over
 * as copies) and the access requests themselves (without their produced export).
 */
export const privacySubjectData: SubjectDataContribution = {
  module: 'privacy',
  tables: [
    { table: 'deadlines', via: 'household', title: { de: 'Fristen', en: 'Deadlines' } },
    {
      table: 'documents',
      via: 'owner',
      column: 'owner_id',
      omit: ['content'],
      title: { de: 'Schreiben und Dokumente', en: 'Letters and documents' },
    },
    {
      table: 'domain_events',
      via: 'household',
      title: { de: 'Verlauf der Fälle (Zustandswechsel)', en: 'Case history (state changes)' },
    },
    { table: 'privacy_requests', via: 'household', omit: ['export'], title: { de: 'Auskunftsanträge', en: 'Access requests' } },
  ],
};
