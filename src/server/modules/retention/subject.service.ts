import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/**
 * Data protection's own records about a household: retention reviews, restrictions of processing,
 * transfers refused for want of consent, and the old and new values of each rectification.
 */
export const retentionSubjectData: SubjectDataContribution = {
  module: 'retention',
  tables: [
    {
      table: 'household_restrictions',
      via: 'household',
      title: { de: 'Einschränkungen der Verarbeitung', en: 'Restrictions of processing' },
    },
    { table: 'retention_reviews', via: 'household', title: { de: 'Prüfungen der Aufbewahrungsfrist', en: 'Retention reviews' } },
    {
      table: 'consent_refusals',
      via: 'household',
      title: { de: 'Mangels Einwilligung verweigerte Übermittlungen', en: 'Transfers refused for want of consent' },
    },
    {
      table: 'audit_values',
      via: 'household',
      omit: ['salt'],
      title: { de: 'Berichtigungen (alte und neue Werte)', en: 'Rectifications (old and new values)' },
    },
  ],
};
