import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testDbs } from '../../../../test/helpers.js';

/*
 * Every text, JSON and array column of every household table (reached from `households` by foreign
 * keys, or holding a household_id) is either cleared by the anonymisation functions
 * (wh_anonymise_household, wh_anonymise_household_texts: an assignment in one of their UPDATEs),
 * restricted to fixed values by a CHECK, generated, or listed here with the reason it names nobody.
 * A new free-text column fails this test until the anonymisation clears it.
 */
const NAMES_NOBODY: Record<string, string> = {
  'households.reference': 'file number (the pseudonym is built from it)',
  'households.districts_avoid': 'district names',
  'households.districts_prefer': 'district names',
  'household_members.nationality': 'category (statistics)',
  'household_members.relationship': 'category',
  'household_addresses.postal_code': 'postal code (statistics keep it)',
  'household_addresses.city': 'municipality',
  'household_addresses.district': 'district (statistics keep it)',
  'aftercare_cases.reference': 'file number',
  'aftercare_cases.postal_code': 'postal code (statistics keep it)',
  'aftercare_cases.city': 'municipality',
  'aftercare_cases.comparable_help': 'kinds of help (fixed values)',
  'aftercare_consents.purpose': 'purpose of the consent (text of the agency)',
  'aftercare_referrals.provider': 'organisation referred to',
  'aftercare_visits.topics': 'topic keys',
  'aftercare_visits.risk_signs': 'risk sign keys',
  'candidates.status': 'state',
  'candidates.pseudonym': 'the pseudonym shown to providers',
  'candidates.refusal_reason': 'reason key',
  'consent_refusals.recipient': 'organisation the transfer was for',
  'consents.purpose': 'purpose of the consent (text of the agency)',
  'consents.text_version': 'version of the consent text',
  'disclosures.fields': 'field keys disclosed',
  'guarantee_payouts.months': 'months (YYYY-MM)',
  'incident_events.step': 'step key',
  'incident_events.from_state': 'state',
  'incident_events.to_state': 'state',
  'incidents.reference': 'file number',
  'incidents.state': 'state',
  'incidents.months': 'months (YYYY-MM)',
  'prevention_cases.reference': 'file number',
  'prevention_cases.postal_code': 'postal code (statistics keep it)',
  'prevention_cases.city': 'municipality',
  'prevention_cases.court_name': 'court',
  'prevention_referrals.service': 'service referred to',
  'prevention_visits.outcome': 'outcome key',
  'privacy_requests.reference': 'request number',
  'retention_reviews.programmes': 'programme keys',
  'tenancies.reference': 'file number',
  'tenancies.postal_code': 'postal code (statistics keep it)',
  'tenancies.city': 'municipality',
  'tenancies.district': 'district (statistics keep it)',
  'tenancies.guarantee_items': 'guarantee item keys',
  'tenancies.end_reason': 'reason key',
  'viewings.place': "where the flat is viewed (the offer's address, not the household's)",
  'viewings.attendee_ids': 'staff ids',
  'viewings.ics_uid': 'calendar id',
  'accommodation_assignments.legal_basis': 'legal basis of the placement',
  'deadlines.subject_type': 'record kind',
  'deadlines.kind': 'deadline key',
  'deadlines.link': 'app path with record ids',
  'deadlines.title_key': 'text key (its params are replaced by wh_anonymise_household)',
  'domain_events.from_state': 'state',
  'domain_events.to_state': 'state',
  'accommodation_incidents.text': 'replaced by the trigger on households.anonymised_at (migration 2026-12-10T14-00)',
};

/** Tables about several households whose texts have the household's names replaced (not cleared). */
const SHARED_TEXTS = ['round_tables.minutes', 'accommodation_facility_events.note'];

const FUNCTIONS = ['wh_anonymise_household', 'wh_anonymise_household_texts'];

describe('anonymisation catalogue', () => {
  it('clears or explains every text column of every household table', async () => {
    const { owner } = testDbs();
    const edges = await sql<{ child: string; parent: string }>`
      SELECT DISTINCT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`.execute(owner);
    const withHousehold = await sql<{ t: string }>`
      SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'household_id'`.execute(owner);
    const tables = new Set<string>(['households', ...withHousehold.rows.map((r) => r.t)]);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of edges.rows)
        if (tables.has(e.parent) && !tables.has(e.child) && e.parent !== 'agencies' && e.parent !== 'users') {
          tables.add(e.child);
          grew = true;
        }
    }
    // Audit rows are pseudonymised by the audit retention instead (platform/audit/pseudonymise.ts).
    tables.delete('audit_events');

    const cols = await sql<{ t: string; c: string }>`
      SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
      JOIN information_schema.tables x ON x.table_schema = c.table_schema AND x.table_name = c.table_name AND x.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.is_generated = 'NEVER'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`.execute(owner);
    const fixed = await sql<{ t: string; c: string }>`
      SELECT conrelid::regclass::text AS t, a.attname AS c FROM pg_constraint k
      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
      WHERE k.contype = 'c' AND cardinality(k.conkey) = 1 AND pg_get_constraintdef(k.oid) ~ '= ANY \\(ARRAY\\['`.execute(owner);
    const fixedSet = new Set(fixed.rows.map((r) => `${r.t}.${r.c}`));
    const src = await sql<{ s: string }>`SELECT prosrc AS s FROM pg_proc WHERE proname = ANY (${FUNCTIONS}::text[])`.execute(owner);
    expect(src.rows).toHaveLength(FUNCTIONS.length);
    const cleared = new Set<string>();
    for (const { s } of src.rows)
      for (const m of s.matchAll(/UPDATE (\w+) SET ([\s\S]*?) WHERE/g))
        for (const a of m[2]!.matchAll(/(?:^|,)\s*(\w+)\s*=/g)) cleared.add(`${m[1]}.${a[1]}`);

    const unexplained = cols.rows
      .filter((r) => tables.has(r.t))
      .map((r) => `${r.t}.${r.c}`)
      .filter((k) => !cleared.has(k) && !fixedSet.has(k) && !NAMES_NOBODY[k]);
    expect(unexplained).toEqual([]);
    // The lists name real columns (a renamed column must not leave an exemption behind).
    const all = new Set(cols.rows.map((r) => `${r.t}.${r.c}`));
    expect([...Object.keys(NAMES_NOBODY), ...SHARED_TEXTS].filter((k) => !all.has(k))).toEqual([]);
    for (const k of SHARED_TEXTS) expect(cleared.has(k), k).toBe(true);
  });
});
