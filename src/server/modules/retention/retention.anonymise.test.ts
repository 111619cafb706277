import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralInput } from '../../../../test/aftercare-fixtures.js';
import { consentInput } from '../../../../test/placement-fixtures.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { tenancyInput } from '../../../../test/sustainment-fixtures.js';
import {
  client,
  createAgency,
  householdInput,
  login,
  testApp,
  testDbs,
  testKeys,
  type Client,
  type TestAgency,
} from '../../../../test/helpers.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { runRetention } from './retention.service.js';

/*
 * Anonymisation after the retention period: a household with records in every programme (journal,
 * address, consent, prevention case with a letter, tenancy, aftercare case) is listed by the daily
 * pass, the lead confirms, and then no name, birth date, phone, e-mail or street line of it is left
 * in any text or JSON column of any table (read from information_schema), its documents are gone,
 * the steering figures of past periods are unchanged and the audit chain still verifies.
 */

let app: FastifyInstance;
let a: TestAgency;
let cm: Client;
let lead: Client;
const tag = crypto.randomBytes(4).toString('hex');
const NAMES = [`Zoraida${tag}`, `Quellbrunn${tag}`, `Theodric${tag}`];
const CONTACTS = [`0176-${tag}`, `zq.${tag}@example.org`, `Hinterhofgasse ${tag}`, `Streitweg ${tag}`];
const BIRTHS = ['1927-11-29', '1933-02-17'];

beforeAll(async () => {
  app = await testApp();
  a = await createAgency();
  cm = client(app, await login(app, a.users.case_manager.email));
  lead = client(app, await login(app, a.users.lead.email));
});
afterAll(() => app.close());

/** Every text, character, JSON and array column of every table: where the needle occurs (all agencies). */
async function occurrences(needles: string[]): Promise<string[]> {
  const { owner } = testDbs();
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = 'public' AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.data_type = 'ARRAY')`.execute(
    owner,
  );
  expect(cols.rows.length).toBeGreaterThan(100);
  const hits: string[] = [];
  for (const c of cols.rows) {
    const col = sql.ref(`${c.table_name}.${c.column_name}`);
    for (const n of needles) {
      const r = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(c.table_name)} WHERE ${col}::text ILIKE ${`%${n}%`}`.execute(owner);
      if (r.rows[0]!.n > 0) hits.push(`${c.table_name}.${c.column_name}: ${n}`);
    }
  }
  return hits;
}

/** Date columns of the agency's rows holding one of the birth dates. */
async function birthDatesLeft(): Promise<string[]> {
  const { owner } = testDbs();
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.data_type = 'date'
      AND EXISTS (SELECT 1 FROM information_schema.columns x WHERE x.table_schema = 'public' AND x.table_name = c.table_name AND x.column_name = 'agency_id')`.execute(
    owner,
  );
  const hits: string[] = [];
  for (const c of cols.rows) {
    const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(c.table_name)}
      WHERE agency_id = ${a.id} AND ${sql.ref(c.column_name)} = ANY (${BIRTHS}::date[])`.execute(owner);
    if (r.rows[0]!.n > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

const PERIODS = [
  { from: '2015-01-01', to: '2015-12-31' },
  { from: '2026-01-01', to: '2026-06-30' },
  { from: '2026-10-01', to: '2026-11-30' },
];
const figures = async () =>
  Promise.all(
    PERIODS.map(async (p) => {
      const res = await lead.get(`/api/v1/steering/figures?from=${p.from}&to=${p.to}`);
      expect(res.statusCode).toBe(200);
      return res.json().figures;
    }),
  );

describe('retention and anonymisation', () => {
  it('lists the household after its retention period, anonymises it on confirmation and leaves the figures as they were', async () => {
    const { owner } = testDbs();
    const head = {
      firstName: NAMES[0]!,
      lastName: NAMES[1]!,
      birthDate: BIRTHS[0]!,
      gender: 'female',
      nationality: 'deutsch',
      relationship: 'head',
    };
    const child = {
      firstName: NAMES[2]!,
      lastName: NAMES[1]!,
      birthDate: BIRTHS[1]!,
      gender: 'male',
      nationality: 'deutsch',
      relationship: 'child',
    };
    const created = await cm.post(
      '/api/v1/households',
      householdInput({
        seekingHousing: false,
        situation: 'at_risk',
        caseManagerId: a.users.case_manager.id,
        socialWorkerId: a.users.social_worker.id,
        needs: {
          wheelchair: false,
          stepFree: false,
          pets: false,
          districtsAvoid: [],
          districtsPrefer: [],
          notes: `Frau ${NAMES[1]} braucht Ruhe`,
        },
        members: [
          { ...head, phone: CONTACTS[0], email: CONTACTS[1] },
          { ...child, phone: null, email: null },
        ] as never,
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const h = created.json();
    const journal = await cm.post(`/api/v1/households/${h.id}/journal`, {
      occurredAt: '2015-03-02T10:00:00Z',
      kind: 'note',
      participation: false,
      text: `Gespräch mit ${NAMES[0]} ${NAMES[1]} über die Schulden`,
    });
    expect(journal.statusCode, journal.body).toBe(201);
    const address = await cm.post(`/api/v1/households/${h.id}/addresses`, {
      kind: 'own_flat',
      street: CONTACTS[2],
      postalCode: '70178',
      city: 'Stuttgart',
      district: 'Süd',
      validFrom: '2014-03-01',
      note: `Klingel ${NAMES[1]}`,
    });
    expect(address.statusCode, address.body).toBe(201);
    const consent = await cm.post(
      `/api/v1/households/${h.id}/consents`,
      consentInput(a.providerId, { givenBy: `${NAMES[0]} ${NAMES[1]}`, givenOn: '2015-01-10' }),
    );
    expect(consent.statusCode, consent.body).toBe(201);
    const pc = await cm.post(
      '/api/v1/prevention/cases',
      courtNotice({
        householdId: h.id,
        tenants: [{ firstName: NAMES[0]!, lastName: NAMES[1]!, birthDate: BIRTHS[0]!, gender: 'female' }],
        street: CONTACTS[2]!,
        receivedOn: '2015-02-02',
      }),
    );
    expect(pc.statusCode, pc.body).toBe(201);
    const letter = await cm.post(`/api/v1/prevention/cases/${pc.json().id}/contact-letter`, {});
    expect(letter.statusCode, letter.body).toBe(201);
    const tenancy = await cm.post(
      '/api/v1/tenancies',
      tenancyInput(h.id, a.providerId, { street: CONTACTS[3]!, leaseStart: '2013-01-01' }),
    );
    expect(tenancy.statusCode, tenancy.body).toBe(201);
    const referred = await cm.post(
      '/api/v1/aftercare/cases',
      referralInput(h.id, a.carrierId, { street: CONTACTS[3], phone: CONTACTS[0] }),
    );
    expect(referred.statusCode, referred.body).toBe(201);
    const ac = referred.json();

    // Everything closed eleven years ago (the owner writes the history the programmes would have).
    await sql`UPDATE prevention_cases SET status = 'closed', outcome = 'home_kept', closed_at = '2015-06-30T10:00:00Z' WHERE id = ${pc.json().id}`.execute(
      owner,
    );
    await sql`UPDATE tenancies SET status = 'ended', end_reason = 'moved_out', ended_on = '2015-05-31' WHERE id = ${tenancy.json().id}`.execute(
      owner,
    );
    await sql`UPDATE aftercare_cases SET state = 'ended', end_reason = 'goals_reached', ended_on = '2015-04-30' WHERE id = ${ac.id}`.execute(
      owner,
    );
    expect((await owner.selectFrom('documents').select('id').where('owner_id', '=', pc.json().id).execute()).length).toBeGreaterThan(0);

    // Free text elsewhere: a follow-up reason, an access request with its produced export (every
    // record of the household), a lifted restriction's notes.
    await sql`UPDATE households SET follow_up_reason = ${`Rückruf ${NAMES[0]}`} WHERE id = ${h.id}`.execute(owner);
    const request = await cm.post('/api/v1/privacy/requests', {
      householdId: h.id,
      channel: 'letter',
      receivedOn: '2015-03-02',
      requestedBy: `${NAMES[0]} ${NAMES[1]}`,
    });
    expect(request.statusCode, request.body).toBe(201);
    const produced = await cm.post(`/api/v1/privacy/requests/${request.json().id}/produce`, { version: request.json().version });
    expect(produced.statusCode, produced.body).toBe(200);
    await owner
      .insertInto('household_restrictions')
      .values({
        agency_id: a.id,
        household_id: h.id,
        reason: 'other',
        note: `Frau ${NAMES[1]} widerspricht`,
        lifted_at: new Date(),
        lift_note: `${NAMES[0]} hat zurückgezogen`,
      })
      .execute();

    const before = await figures();
    expect(await occurrences(NAMES)).not.toEqual([]);

    // Not due yet a day before ten years have passed since the last case closed; then listed once.
    expect(await runRetention(testDbs().app, testKeys(), '2025-06-29', [a.id])).toMatchObject({ listed: 0 });
    expect(await runRetention(testDbs().app, testKeys(), berlinDate(new Date()), [a.id])).toMatchObject({ listed: 1 });
    expect(await runRetention(testDbs().app, testKeys(), berlinDate(new Date()), [a.id])).toMatchObject({ listed: 0 });
    const list = await lead.get('/api/v1/retention/reviews');
    expect(list.statusCode).toBe(200);
    const review = list.json().items.find((r: { householdId: string }) => r.householdId === h.id);
    expect(review).toMatchObject({ closedOn: '2015-06-30', dueOn: '2025-06-30', status: 'due' });
    expect(review.programmes.sort()).toEqual(['aftercare', 'prevention', 'sustainment']);
    const deadline = await owner.selectFrom('deadlines').selectAll().where('subject_id', '=', review.id).executeTakeFirstOrThrow();
    expect(deadline).toMatchObject({ kind: 'retention_review', status: 'open', household_id: h.id });

    // Only the lead decides; bad input is refused at the field.
    // (a named record: hidden from other roles, 404)
    expect((await cm.post(`/api/v1/retention/reviews/${review.id}/decision`, { decision: 'anonymise' })).statusCode).toBe(404);
    const bad = await lead.post(`/api/v1/retention/reviews/${review.id}/decision`, { decision: 'keep', reason: '', keepUntil: 'morgen' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(new Set(bad.json().errors.map((e: { field: string }) => e.field))).toEqual(new Set(['keepUntil', 'reason']));

    const done = await lead.post(`/api/v1/retention/reviews/${review.id}/decision`, { decision: 'anonymise' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'anonymised', headName: `Anonymisiert ${h.reference}` });
    expect((await lead.post(`/api/v1/retention/reviews/${review.id}/decision`, { decision: 'anonymise' })).statusCode).toBe(409);

    // The run that listed it shows the decision to the data-protection officer.
    const dpo = client(app, await login(app, a.users.dpo.email));
    const runs = await dpo.get('/api/v1/retention/runs');
    expect(runs.statusCode, runs.body).toBe(200);
    const run = runs.json().items.find((r: { reviews: { id: string }[] }) => r.reviews.some((x) => x.id === review.id));
    expect(run).toMatchObject({ listed: 1, anonymised: 1, kept: 0, open: 0 });
    expect(run.documentsDeleted).toBeGreaterThan(0);
    expect(run.reviews[0]).toMatchObject({ status: 'anonymised', reference: h.reference, decidedBy: expect.any(String) });

    // Nothing of the household's identity is left anywhere; its files are deleted.
    expect(await occurrences([...NAMES, ...CONTACTS, ...BIRTHS])).toEqual([]);
    expect(await birthDatesLeft()).toEqual([]);
    expect(await owner.selectFrom('documents').select('id').where('owner_id', 'in', [pc.json().id, ac.id, h.id]).execute()).toEqual([]);
    expect((await owner.selectFrom('deadlines').select('status').where('id', '=', deadline.id).executeTakeFirstOrThrow()).status).toBe(
      'done',
    );

    // Statistics keep working: every figure of every past period is the same.
    expect(await figures()).toEqual(before);
    // The household and its cases are still readable (as the pseudonym), and the audit chain verifies.
    const read = await cm.get(`/api/v1/households/${h.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().members.map((m: { birthDate: string | null }) => m.birthDate)).toEqual([null, null]);
    expect((await cm.get(`/api/v1/prevention/cases/${pc.json().id}`)).statusCode).toBe(200);
    const auditor = client(app, await login(app, a.users.auditor.email));
    expect((await auditor.get('/api/v1/audit-events/verify')).json().ok).toBe(true);
  });
});
