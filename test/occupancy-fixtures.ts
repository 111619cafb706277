import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../src/server/db/types.js';
import { householdInput, type Client } from './helpers.js';

/*
 * A hand-built accommodation set for the occupancy board and the accommodation figures:
 *   facility A (Mitte, short-term, operator O1, contract with 30 €/night from 2025-01-01, 40 € from 2026-03-01)
 *     room R1 family: places P1, P2 · room R2 women only: P3 · room R3 single room, wheelchair: P4 blocked
 *   facility B (Nord, residential, operator O2, no contract, blocked for new assignments)
 *     room R4 step-free: places P5, P6
 *   H1 single: A1 in A on P3 from 2026-01-01, moved out 2026-03-10 (own flat)
 *   H2 single parent (2 persons, 1 child): A2 in A on P1 + P2 from 2026-02-15, running
 *   H3 single: A3 in B on P5 from 2025-12-01, moved out 2026-02-01 (other facility)
 *              → transfer A4 in B on P6 from 2026-02-01 (same history), running
 */
export async function occupancySet(owner: Kysely<DB>, agencyId: string, cm: Client) {
  const ins = <T extends keyof DB>(table: T, values: Record<string, unknown>) =>
    owner
      .insertInto(table)
      .values({ agency_id: agencyId, ...values } as never)
      .execute();
  const id = () => randomUUID();
  const household = async (persons: number, children: number) => {
    const r = await cm.post('/api/v1/households', householdInput());
    if (r.statusCode !== 201) throw new Error(r.body);
    const hid: string = r.json().id;
    await owner.updateTable('households').set({ persons, children }).where('id', '=', hid).execute();
    return hid;
  };
  const o1 = id();
  const o2 = id();
  const contract = id();
  await ins('accommodation_operators', { id: o1, name: 'Stadt Unterkünfte', kind: 'municipality' });
  await ins('accommodation_operators', { id: o2, name: 'Hostel Nord GmbH', kind: 'commercial' });
  await ins('accommodation_contracts', { id: contract, operator_id: o1, kind: 'contract', valid_from: '2025-01-01', rate_basis: 'person' });
  await ins('accommodation_rates', { contract_id: contract, valid_from: '2025-01-01', cents_per_day: 3_000 });
  await ins('accommodation_rates', { contract_id: contract, valid_from: '2026-03-01', cents_per_day: 4_000 });
  const facility = async (fid: string, operatorId: string, over: Record<string, unknown>) =>
    ins('accommodation_facilities', {
      id: fid,
      operator_id: operatorId,
      street: 'Marktplatz 1',
      postal_code: '10115',
      city: 'Berlin',
      capacity: 6,
      ...over,
    });
  const fa = id();
  const fb = id();
  await facility(fa, o1, { name: 'Haus A', district: 'Mitte', provision: 'short_term', contract_id: contract });
  await facility(fb, o2, { name: 'Haus B', district: 'Nord', provision: 'residential', state: 'blocked', state_note: 'Brandschutz' });
  const room = async (facilityId: string, label: string, over: Record<string, unknown>) => {
    const rid = id();
    await ins('accommodation_rooms', { id: rid, facility_id: facilityId, label, ...over });
    return rid;
  };
  const r1 = await room(fa, 'R1', { family: true });
  const r2 = await room(fa, 'R2', { sex: 'female' });
  const r3 = await room(fa, 'R3', { single_room: true, wheelchair: true });
  const r4 = await room(fb, 'R4', { step_free: true });
  const p: Record<string, string> = {};
  for (const [label, facilityId, roomId, blocked] of [
    ['P1', fa, r1, null],
    ['P2', fa, r1, null],
    ['P3', fa, r2, null],
    ['P4', fa, r3, 'Wasserschaden'],
    ['P5', fb, r4, null],
    ['P6', fb, r4, null],
  ] as const) {
    p[label] = id();
    await ins('accommodation_places', { id: p[label], facility_id: facilityId, room_id: roomId, label, blocked_reason: blocked });
  }
  const [h1, h2, h3] = [await household(1, 0), await household(2, 1), await household(1, 0)];
  const assignment = async (
    householdId: string,
    facilityId: string,
    from: string,
    places: string[],
    out: { on: string; reason: string } | null,
    previous: { id: string; history: string } | null = null,
  ) => {
    const aid = id();
    await ins('accommodation_assignments', {
      id: aid,
      household_id: householdId,
      facility_id: facilityId,
      previous_id: previous?.id ?? null,
      history_id: previous?.history ?? aid,
      from_date: from,
      payer: 'agency',
      legal_basis: '§ 17 ASOG Bln',
      state: out ? 'moved_out' : 'moved_in',
      moved_in_on: from,
      moved_out_on: out?.on ?? null,
      move_out_reason: out?.reason ?? null,
    });
    for (const placeId of places)
      await ins('accommodation_stays', {
        assignment_id: aid,
        household_id: householdId,
        member_id: id(),
        facility_id: facilityId,
        place_id: placeId,
        from_date: from,
        until_date: out?.on ?? null,
      });
    return aid;
  };
  const a1 = await assignment(h1, fa, '2026-01-01', [p.P3!], { on: '2026-03-10', reason: 'own_flat' });
  const a2 = await assignment(h2, fa, '2026-02-15', [p.P1!, p.P2!], null);
  const a3 = await assignment(h3, fb, '2025-12-01', [p.P5!], { on: '2026-02-01', reason: 'other_facility' });
  const a4 = await assignment(h3, fb, '2026-02-01', [p.P6!], null, { id: a3, history: a3 });
  return { o1, o2, fa, fb, places: p, h1, h2, h3, a1, a2, a3, a4 };
}
