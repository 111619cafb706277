/**
 * The domain event log of the bench history (see ./history.ts): the rows the transition triggers of
 * migration 2026-12-09T11-00_domain_events write — one per inserted case (from null) and one per
 * change of its state column, with the case's household (an incident's: its tenancy's) and the
 * actor — but at the historical time of each transition rather than now().
 */
import { sql } from 'kysely';
import type { Tx } from './history.common.js';

export async function writeDomainEvents(tx: Tx, agencyId: string) {
  await sql`
    INSERT INTO domain_events (agency_id, case_kind, case_id, household_id, from_state, to_state, at, actor_id)
    SELECT ${agencyId}, e.case_kind, e.case_id, e.household_id,
      lag(e.to_state) OVER (PARTITION BY e.case_id ORDER BY e.at, e.ord), e.to_state, e.at, e.actor_id
    FROM (
      SELECT 'prevention_case' AS case_kind, c.id AS case_id, c.household_id, 'contacting' AS to_state, c.created_at AS at, c.created_by AS actor_id, 0 AS ord
      FROM bp p JOIN prevention_cases c ON c.id = p.id
      UNION ALL
      SELECT 'prevention_case', c.id, c.household_id, 'clearing', c.first_contact_at, c.case_manager_id, 1
      FROM bp p JOIN prevention_cases c ON c.id = p.id WHERE p.contact_on IS NOT NULL
      UNION ALL
      SELECT 'prevention_case', p.id, p.household_id, 'measures', pg_temp.at(p.clearing_on, 12), p.sw, 2
      FROM bp p WHERE p.clearing_on IS NOT NULL
      UNION ALL
      SELECT 'prevention_case', c.id, c.household_id, 'closed', c.closed_at, c.closed_by, 3
      FROM bp p JOIN prevention_cases c ON c.id = p.id WHERE c.closed_at IS NOT NULL
      UNION ALL
      SELECT 'offer', e.offer_id, NULL, CASE e.kind WHEN 'created' THEN 'draft' WHEN 'submitted' THEN 'submitted'
          WHEN 'approved' THEN 'shortlisting' WHEN 'declined' THEN 'declined' WHEN 'withdrawn' THEN 'withdrawn'
          WHEN 'round_table_scheduled' THEN 'round_table' WHEN 'allocated' THEN 'allocated' WHEN 'contracts' THEN 'let' END,
        e.at, e.actor_id, e.id
      FROM bo o JOIN offer_events e ON e.offer_id = o.id
      WHERE e.kind IN ('created', 'submitted', 'approved', 'declined', 'withdrawn', 'round_table_scheduled', 'allocated', 'contracts')
      UNION ALL
      SELECT 'candidate', b.id, b.household_id, b.state, pg_temp.at(b.day, 9 + b.seq), o.cm, b.seq
      FROM bce b JOIN bo o ON o.id = b.offer_id
      UNION ALL
      SELECT 'tenancy', t.id, t.household_id, 'active', t.created_at, t.created_by, 0
      FROM bt b JOIN tenancies t ON t.id = b.id
      UNION ALL
      SELECT 'tenancy', t.id, t.household_id, 'ended', GREATEST(t.ended_on::timestamptz, t.created_at), NULL, 1
      FROM bt b JOIN tenancies t ON t.id = b.id WHERE t.ended_on IS NOT NULL
      UNION ALL
      SELECT 'incident', e.id, i.household_id, e.state, pg_temp.at(e.day, 10 + e.seq * 0.1), i.cm, e.seq
      FROM bie e JOIN bi i ON i.id = e.id
    ) e`.execute(tx);
}
