import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';
import { placementSubjectRepository } from './subject.repository.js';

const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Placement's part of an access request: consents, candidacies, disclosures to housing companies, viewings. */
export const placementSubjectData: SubjectDataContribution = {
  module: 'placement',
  tables: [
    { table: 'consents', via: 'household', title: { de: 'Einwilligungen (Wohnungsunternehmen)', en: 'Consents (housing companies)' } },
    { table: 'candidates', via: 'household', title: { de: 'Vorschläge für Wohnungsangebote', en: 'Candidacies for flat offers' } },
    {
      table: 'disclosures',
      via: 'household',
      title: { de: 'Übermittlungen an Wohnungsunternehmen (§ 67b SGB X)', en: 'Disclosures to housing companies (§ 67b SGB X)' },
    },
    { table: 'viewings', via: 'parent', parent: 'candidates', column: 'candidate_id', title: { de: 'Besichtigungen', en: 'Viewings' } },
  ],
  async transfers(tx, householdId, limit) {
    const rows = await placementSubjectRepository(tx).disclosures(householdId, limit);
    return rows.map((r) => ({
      at: new Date(r.disclosed_at).toISOString(),
      module: 'placement',
      recipient: r.provider,
      fields: r.fields,
      basis: `consent:${r.consent_id}`,
      householdReference: r.reference,
    }));
  },
  async consents(tx, householdId, limit) {
    const rows = await placementSubjectRepository(tx).consents(householdId, limit);
    return rows.map((r) => ({
      module: 'placement',
      householdId: r.household_id,
      householdReference: r.reference,
      recipient: r.provider,
      purpose: r.purpose,
      givenOn: day(r.given_on),
      validUntil: r.valid_until ? day(r.valid_until) : null,
      withdrawnOn: r.withdrawn_at ? day(r.withdrawn_at) : null,
    }));
  },
};
