import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RANKING_PAGE_SIZE } from '../../../contracts/placement.js';
import { createAgency, householdInput, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import {
  approvedOffer,
  ensureConditions,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from '../../../../test/placement-fixtures.js';

let app: FastifyInstance;
let agency: TestAgency;
let a: PlacementActors;
const eligible: string[] = [];
const excluded: string[] = [];

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  a = await placementActors(app, agency);
  await ensureConditions(a.admin);
  // One more of each than a page holds: a parent with a child fits the fixture offer, a single adult does not.
  for (let i = 0; i <= RANKING_PAGE_SIZE; i++) {
    eligible.push((await poolHousehold(a.cm, agency, { situationSince: `2024-01-${String(i + 1).padStart(2, '0')}` })).id);
    const single = householdInput().members.slice(0, 1);
    excluded.push((await poolHousehold(a.cm, agency, { members: single })).id);
  }
}, 60_000);
afterAll(() => app.close());

type Page = {
  id: string;
  entries: { householdId: string; rank: number; name: string; criteria: unknown[] }[];
  exclusions: { householdId: string; name: string; reasons: { code: string }[] }[];
} & Record<string, unknown>;

describe('a stored ranking, a page at a time', () => {
  it('answers the creation with the first pages, serves the others on request and stores everything compactly', async () => {
    const offer = await approvedOffer(a);
    const res = await a.cm.post(`/api/v1/offers/${offer.id}/rankings`);
    expect(res.statusCode, res.body).toBe(201);
    const first = res.json() as Page;
    const total = RANKING_PAGE_SIZE + 1;
    expect(first).toMatchObject({
      entriesTotal: total,
      exclusionsTotal: total,
      entriesPage: 1,
      exclusionsPage: 1,
      pageSize: RANKING_PAGE_SIZE,
      eligibleCount: total,
    });
    expect(first.entries).toHaveLength(RANKING_PAGE_SIZE);
    expect(first.exclusions).toHaveLength(RANKING_PAGE_SIZE);
    // The counts per reason cover every excluded household, not only the page.
    expect(first.exclusionCounts).toMatchObject({ space: total, rent: total });
    // Homeless longest first: the earliest date of the first households.
    expect(first.entries[0]!.householdId).toBe(eligible[0]);

    const second = (await a.cm.get(`/api/v1/offers/${offer.id}/rankings/${first.id}?entriesPage=2&exclusionsPage=2`)).json() as Page;
    expect(second).toMatchObject({ entriesPage: 2, exclusionsPage: 2, entriesTotal: total, exclusionsTotal: total });
    expect(second.entries).toEqual([expect.objectContaining({ rank: total, householdId: eligible[total - 1] })]);
    expect(second.entries[0]!.name).toMatch(/^Mustermann/);
    expect(second.entries[0]!.criteria).toHaveLength(6);
    expect(second.exclusions).toHaveLength(1);
    expect(second.exclusions[0]!.reasons.map((r) => r.code)).toEqual(['space', 'rent']);
    expect(new Set([...first.exclusions, ...second.exclusions].map((x) => x.householdId))).toEqual(new Set(excluded));

    // Each ranking is made afresh: a household added since stands first in the next one.
    const newcomer = await poolHousehold(a.cm, agency, { situationSince: '2023-06-01' });
    const next = (await a.cm.post(`/api/v1/offers/${offer.id}/rankings`)).json() as Page;
    expect(next.entries[0]!.householdId).toBe(newcomer.id);
    expect(next).toMatchObject({ entriesTotal: total + 1, eligibleCount: total + 1 });

    // Page one read later is what the creation answered.
    const again = (await a.cm.get(`/api/v1/offers/${offer.id}/rankings/${first.id}`)).json() as Page;
    expect(again.entries).toEqual(first.entries);
    expect(again.exclusions).toEqual(first.exclusions);

    // Stored: facts and reason bits per household plus the basis, no names and no texts.
    const row = await testDbs()
      .owner.selectFrom('rankings')
      .select(['entries', 'exclusions', 'basis'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect((row.entries as unknown[][])[0]).toEqual([
      eligible[0],
      expect.any(String),
      2,
      expect.any(Number),
      expect.any(Number),
      1,
      expect.any(Number),
      expect.any(Number),
    ]);
    expect(row.exclusions as unknown[][]).toHaveLength(total);
    expect(JSON.stringify(row.entries)).not.toContain('Mustermann');
    expect(row.basis).toMatchObject({
      offer: { district: 'Mitte', livingSpace: 58, rooms: 2, coldRentCents: 62_000 },
      rules: { spaceBaseSqm: 45 },
    });
  });

  it('reads a ranking stored with explained entries (before the compact form) as it was stored', async () => {
    const offer = await approvedOffer(a);
    const entry = {
      rank: 1,
      householdId: eligible[0]!,
      reference: 'S-1',
      name: 'Damals, Name',
      persons: 2,
      score: 12.5,
      criteria: [{ code: 'waiting', label: 'Dauer der Wohnungslosigkeit', value: '11 Monate', weight: 40, points: 12.5 }],
      tieBreak: null,
    };
    const exclusion = {
      householdId: excluded[0]!,
      reference: 'S-2',
      name: 'Früher, Name',
      reasons: [{ code: 'pets', text: 'Hat Haustiere, die hier nicht erlaubt sind' }],
    };
    const { id } = await testDbs()
      .owner.insertInto('rankings')
      .values({
        agency_id: agency.id,
        offer_id: offer.id,
        round: 1,
        conditions_id: null,
        weights: JSON.stringify({ waiting: 40, children: 20, health: 15, age: 10, district: 10, hints: 5 }),
        pool_size: 2,
        eligible_count: 1,
        entries: JSON.stringify([entry]),
        exclusions: JSON.stringify([exclusion]),
        exclusion_counts: JSON.stringify({ pets: 1 }),
        created_by: agency.users.case_manager.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = (await a.cm.get(`/api/v1/offers/${offer.id}/rankings/${id}`)).json() as Page;
    expect(r.entries).toEqual([entry]);
    expect(r.exclusions).toEqual([exclusion]);
    expect(r).toMatchObject({ entriesTotal: 1, exclusionsTotal: 1, entriesPage: 1 });
  });
});
