import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZNoticeInput } from '../../../contracts/prevention.js';
import { inAgency } from '../../db/database.js';
import { auditRow } from '../../platform/audit/audit.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { openCasesInBulk } from './prevention.bulk.js';
import { addressKey } from './prevention.matching.js';
import { preventionRepository } from './prevention.repository.js';

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let cm: Client;
let otherCm: Client;
let auditor: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency({ totpRequiredRoles: [] });
  other = await createAgency({ totpRequiredRoles: [] });
  cm = client(app, await login(app, agency.users.case_manager.email));
  otherCm = client(app, await login(app, other.users.case_manager.email));
  auditor = client(app, await login(app, agency.users.auditor.email));
});
afterAll(() => app.close());

describe('prevention over HTTP', () => {
  it("another agency's case is not found, for reading and for every change", async () => {
    const c = (await cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true })).json();
    expect((await otherCm.get(`/api/v1/prevention/cases/${c.id}`)).statusCode).toBe(404);
    expect(
      (
        await otherCm.post(`/api/v1/prevention/cases/${c.id}/attempts`, {
          channel: 'phone',
          at: new Date().toISOString(),
          result: 'reached',
        })
      ).statusCode,
    ).toBe(404);
    expect((await otherCm.get('/api/v1/prevention/cases')).json().items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    // The auditor reads, but has no steps to take.
    const read = await auditor.get(`/api/v1/prevention/cases/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().actions).toEqual([]);
    expect(
      (
        await auditor.post(`/api/v1/prevention/cases/${c.id}/attempts`, {
          channel: 'phone',
          at: new Date().toISOString(),
          result: 'reached',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('matches an existing household by person, links on request, and says so for the same address', async () => {
    const h = (await cm.post('/api/v1/households', householdInput({ situation: 'housed' }))).json();
    const head = h.members[0];
    const notice = courtNotice({
      tenants: [{ firstName: head.firstName, lastName: head.lastName.toUpperCase(), birthDate: head.birthDate, gender: 'female' }],
    });
    const refused = await cm.post('/api/v1/prevention/cases', notice);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].message).toContain(h.reference);
    const linked = await cm.post('/api/v1/prevention/cases', { ...notice, householdId: h.id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().household).toMatchObject({ id: h.id, situation: 'at_risk' });
    // Someone else at the same home (other spelling of the street): an address match.
    const neighbour = courtNotice({
      street: notice.street.replace('allee', 'allee ').replace('Lindenallee ', 'lindenallee'),
      postalCode: notice.postalCode,
    });
    const m = (
      await cm.post('/api/v1/prevention/matches', {
        tenants: neighbour.tenants,
        street: neighbour.street,
        postalCode: neighbour.postalCode,
      })
    ).json().items;
    expect(m).toEqual([expect.objectContaining({ householdId: h.id, reasons: ['address'] })]);
    // Explicitly a new household despite the match.
    const fresh = await cm.post('/api/v1/prevention/cases', { ...neighbour, createHousehold: true });
    expect(fresh.statusCode).toBe(201);
    expect(fresh.json().household.id).not.toBe(h.id);
  });

  it('ordinary termination and a cure used within two years show on the case', async () => {
    const c = (
      await cm.post('/api/v1/prevention/cases', {
        ...courtNotice({ ordinaryTermination: true, previousCureOn: '2025-06-01' }),
        createHousehold: true,
      })
    ).json();
    expect(c.legal).toMatchObject({ cureAvailable: false, cureEnd: null, ordinaryTermination: true, paymentAloneSaves: false });
    expect(c.legal.warnings.join(' ')).toContain('ordentlich gekündigt');
    const kinds = (await testDbs().owner.selectFrom('deadlines').select('kind').where('subject_id', '=', c.id).execute()).map(
      (d) => d.kind,
    );
    expect(kinds).not.toContain('prevention_cure_end');
  });

  it('an eviction date is escalated to the lead and heads the queue; home lost puts the household into the placement pool', async () => {
    const calm = (
      await cm.post('/api/v1/prevention/cases', {
        ...courtNotice({ source: 'landlord', lawsuitServedOn: null, hearingAt: null, courtFileNumber: null }),
        createHousehold: true,
      })
    ).json();
    const urgent = (await cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true })).json();
    const evictionAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const { tenants: _t, household: _h, ...rest } = { ...courtNotice(), household: null };
    const updated = await cm.put(`/api/v1/prevention/cases/${urgent.id}`, { ...rest, evictionAt, version: urgent.version });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ threatStage: 'eviction_date', evictionAt });
    const leadNotes = await testDbs()
      .owner.selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', agency.users.lead.id)
      .where('kind', '=', 'prevention.eviction')
      .execute();
    expect(leadNotes.length).toBeGreaterThan(0);
    const eviction = await testDbs()
      .owner.selectFrom('deadlines')
      .selectAll()
      .where('subject_id', '=', urgent.id)
      .where('kind', '=', 'prevention_eviction')
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    expect(eviction.escalate_to_lead).toBe(true);
    expect(eviction.remind_at).not.toBeNull();
    const queue = (await cm.get('/api/v1/prevention/cases?status=open&pageSize=100')).json().items.map((x: { id: string }) => x.id);
    expect(queue.indexOf(urgent.id)).toBeLessThan(queue.indexOf(calm.id));
    expect(queue[0]).toBe(urgent.id);

    const lost = await cm.post(`/api/v1/prevention/cases/${urgent.id}/close`, {
      outcome: 'home_lost',
      newSituation: 'in_accommodation',
      version: updated.json().version,
    });
    expect(lost.statusCode, lost.body).toBe(200);
    expect(lost.json().household).toMatchObject({ situation: 'in_accommodation', seekingHousing: true });
    expect(lost.json().actions).not.toContain('handOver');
    const open = await testDbs()
      .owner.selectFrom('deadlines')
      .select('status')
      .where('subject_id', '=', urgent.id)
      .where('status', '=', 'open')
      .execute();
    expect(open).toEqual([]);
    expect(
      (await cm.get('/api/v1/prevention/cases?status=closed&outcome=home_lost')).json().items.map((x: { id: string }) => x.id),
    ).toContain(urgent.id);
  });

  it('walk-in register: during the hours or not, and the quick path to a case', async () => {
    // Monday 16.11.2026 09:00 Berlin = 08:00 UTC (hours Mon/Tue/Thu 08:30–11:00); Wednesday is not.
    const v = (
      await cm.post('/api/v1/prevention/visits', {
        kind: 'walk_in',
        visitedAt: '2026-11-16T08:00:00.000Z',
        name: 'Frau Yilmaz',
        concern: 'Kündigung erhalten',
      })
    ).json();
    expect(v.duringWalkInHours).toBe(true);
    const wed = (
      await cm.post('/api/v1/prevention/visits', {
        kind: 'walk_in',
        visitedAt: '2026-11-18T08:00:00.000Z',
        name: 'Herr Berg',
        concern: 'Mahnung',
      })
    ).json();
    expect(wed.duringWalkInHours).toBe(false);
    const c = await cm.post('/api/v1/prevention/cases', {
      ...courtNotice({ source: 'self_referral', selfReferralVia: 'walk_in' }),
      visitId: v.id,
      createHousehold: true,
    });
    expect(c.statusCode, c.body).toBe(201);
    const list = (await cm.get('/api/v1/prevention/visits?from=2026-11-16&to=2026-11-16')).json();
    expect(list.items.find((x: { id: string }) => x.id === v.id)).toMatchObject({
      caseId: c.json().id,
      outcome: 'case_opened',
      householdId: c.json().household.id,
    });
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(wed.id);
    expect((await cm.post('/api/v1/prevention/cases', { ...courtNotice(), visitId: v.id, createHousehold: true })).statusCode).toBe(400);
  });
});

describe('bulk opening (list import)', () => {
  it('opens many cases set-based: households created or linked, derived columns, deadlines, audit; matches in one statement', async () => {
    const existing = (await cm.post('/api/v1/households', householdInput({ situation: 'housed' }))).json();
    const head = existing.members[0];
    const rows = Array.from({ length: 30 }, (_, i) =>
      ZNoticeInput.parse(courtNotice({ street: `Bulkweg ${i + 1}`, lawsuitServedOn: '2030-01-15' })),
    );
    rows[0] = ZNoticeInput.parse(
      courtNotice({ tenants: [{ firstName: head.firstName, lastName: head.lastName, birthDate: head.birthDate }], street: 'Bulkweg 1' }),
    );
    const who = { agencyId: agency.id, actorId: agency.users.case_manager.id, actorRole: 'case_manager', ip: null, purpose: 'import' };
    const res = await inAgency(testDbs().app, agency.id, async (tx) => {
      const matches = await preventionRepository(tx, agency.id).householdMatches(rows);
      expect([...matches.keys()]).toEqual([0]);
      expect(matches.get(0)![0]!.householdId).toBe(existing.id);
      return openCasesInBulk(
        tx,
        who,
        rows.map((n, i) => ({ notice: n, householdId: matches.get(i)?.[0]?.householdId ?? null })),
        { importJobId: null },
      );
    });
    expect(res.caseIds).toHaveLength(30);
    expect(res.createdHouseholds).toBe(29);
    expect(res.householdIds[0]).toBe(existing.id);
    expect(new Set(res.references).size).toBe(30);
    const { owner } = testDbs();
    const stored = await owner
      .selectFrom('prevention_cases')
      .select(['id', 'cure_end', 'urgent_at', 'next_contact_step', 'address_key', 'threat_stage'])
      .where('id', 'in', res.caseIds)
      .execute();
    expect(stored.find((s) => s.id === res.caseIds[1])).toMatchObject({
      cure_end: '2030-03-15',
      next_contact_step: 0,
      address_key: addressKey('Bulkweg 2', '30159'),
      threat_stage: 'lawsuit',
    });
    expect(stored.every((s) => s.urgent_at !== null)).toBe(true);
    const audits = await owner
      .selectFrom('audit_events')
      .select('action')
      .where('agency_id', '=', agency.id)
      .where('entity_id', 'in', res.caseIds)
      .execute();
    expect(audits.filter((a) => a.action === 'prevention.create')).toHaveLength(30);
    // The events are written by the INSERTs themselves: the same row auditRow gives, one per record.
    const shape = ['actor_id', 'actor_role', 'action', 'entity_type', 'entity_id', 'purpose', 'outcome', 'ip', 'details'] as const;
    const asStored = (ev: Parameters<typeof auditRow>[1]) => {
      const { agency_id: _, ...row } = auditRow(who, ev);
      return { ...row, details: ev.details ?? null };
    };
    const caseEvent = await owner
      .selectFrom('audit_events')
      .select(shape)
      .where('entity_id', '=', res.caseIds[1]!)
      .executeTakeFirstOrThrow();
    expect(caseEvent).toEqual(
      asStored({
        action: 'prevention.create',
        entityId: res.caseIds[1]!,
        details: { source: 'court_notice', householdId: res.householdIds[1], importJobId: null },
      }),
    );
    const householdEvents = await owner
      .selectFrom('audit_events')
      .select(shape)
      .where('entity_id', 'in', res.householdIds.slice(1))
      .execute();
    expect(householdEvents).toHaveLength(29);
    expect(householdEvents.find((e) => e.entity_id === res.householdIds[2])).toEqual(
      asStored({ action: 'household.create', entityId: res.householdIds[2]!, details: { via: 'prevention', importJobId: null } }),
    );
    const dl = await owner.selectFrom('deadlines').select('kind').where('subject_id', 'in', res.caseIds).execute();
    expect(dl.filter((d) => d.kind === 'prevention_contact')).toHaveLength(30);
    expect(dl.filter((d) => d.kind === 'prevention_cure_end').length).toBe(30);
    // The new households can be read through the households API like any other.
    expect((await cm.get(`/api/v1/households/${res.householdIds[5]}`)).json()).toMatchObject({ situation: 'at_risk', persons: 1 });
  });
});
