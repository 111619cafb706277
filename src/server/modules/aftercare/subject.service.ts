import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';
import { aftercareSubjectRepository } from './subject.repository.js';

const parent = { via: 'parent', parent: 'aftercare_cases', column: 'case_id' } as const;

/** Aftercare's part of an access request: cases, consents, help plan, visits, contacts, transfers to the carrier. */
export const aftercareSubjectData: SubjectDataContribution = {
  module: 'aftercare',
  tables: [
    { table: 'aftercare_cases', via: 'household', title: { de: 'Fälle der Wohnintegrationshilfe', en: 'Aftercare cases' } },
    { table: 'aftercare_consents', via: 'household', title: { de: 'Einwilligungen (Träger)', en: 'Consents (carriers)' } },
    { table: 'aftercare_extensions', ...parent, title: { de: 'Verlängerungen', en: 'Extensions' } },
    { table: 'aftercare_goals', ...parent, title: { de: 'Ziele des Hilfeplans', en: 'Help plan goals' } },
    { table: 'aftercare_goal_reviews', ...parent, title: { de: 'Überprüfungen der Ziele', en: 'Goal reviews' } },
    { table: 'aftercare_visits', ...parent, title: { de: 'Hausbesuche', en: 'Home visits' } },
    { table: 'aftercare_referrals', ...parent, title: { de: 'Vermittlungen', en: 'Referrals' } },
    { table: 'aftercare_contacts', ...parent, title: { de: 'Kontakte', en: 'Contacts' } },
    { table: 'aftercare_follow_ups', ...parent, title: { de: 'Nachbefragungen', en: 'Follow-ups' } },
    {
      table: 'aftercare_transfers',
      ...parent,
      title: { de: 'Übermittlungen an den Träger (§ 67b SGB X)', en: 'Transfers to the carrier (§ 67b SGB X)' },
    },
  ],
  async transfers(tx, householdId, limit) {
    const rows = await aftercareSubjectRepository(tx).transfers(householdId, limit);
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      module: 'aftercare',
      recipient: r.carrier,
      fields: r.fields,
      basis: r.kind,
      householdReference: r.reference,
    }));
  },
  async consents(tx, householdId, limit) {
    const rows = await aftercareSubjectRepository(tx).consents(householdId, limit);
    return rows.map((r) => ({
      module: 'aftercare',
      householdId: r.household_id,
      householdReference: r.reference,
      recipient: r.carrier,
      purpose: r.purpose,
      givenOn: r.given_on.slice(0, 10),
      validUntil: null,
      withdrawnOn: r.withdrawn_on ? r.withdrawn_on.slice(0, 10) : null,
    }));
  },
};
