import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';

/** Tenancy sustainment's part of an access request: tenancies, incidents and their steps, guarantee payouts, recovery. */
export const sustainmentSubjectData: SubjectDataContribution = {
  module: 'sustainment',
  tables: [
    { table: 'tenancies', via: 'household', title: { de: 'Mietverhältnisse', en: 'Tenancies' } },
    {
      table: 'incidents',
      via: 'parent',
      parent: 'tenancies',
      column: 'tenancy_id',
      title: { de: 'Vorfälle (Mietausfall, Konflikt)', en: 'Incidents (rent default, conflict)' },
    },
    {
      table: 'incident_events',
      via: 'parent',
      parent: 'incidents',
      column: 'incident_id',
      title: { de: 'Schritte der Vorfälle', en: 'Incident steps' },
    },
    {
      table: 'incident_contacts',
      via: 'parent',
      parent: 'incidents',
      column: 'incident_id',
      title: { de: 'Kontakte zu Vorfällen', en: 'Incident contacts' },
    },
    {
      table: 'guarantee_payouts',
      via: 'parent',
      parent: 'tenancies',
      column: 'tenancy_id',
      title: { de: 'Garantieleistungen', en: 'Guarantee payouts' },
    },
    {
      table: 'recovery_agreements',
      via: 'parent',
      parent: 'tenancies',
      column: 'tenancy_id',
      title: { de: 'Ratenvereinbarungen', en: 'Instalment agreements' },
    },
    {
      table: 'recovery_payments',
      via: 'parent',
      parent: 'tenancies',
      column: 'tenancy_id',
      title: { de: 'Zahlungen auf die Forderung', en: 'Payments on the claim' },
    },
  ],
};
