import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { fullyPopulatedHousehold } from '../../../../test/subject-fixtures.js';
import { monthAfter } from './privacy.service.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let lead: Client;
let dpo: Client;
let sw: Client;
let householdId: string;

const events = (actorId: string, action: string) =>
  testDbs()
    .owner.selectFrom('audit_events')
    .select(['action', 'entity_id', 'details'])
    .where('actor_id', '=', actorId)
    .where('action', '=', action)
    .execute();
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  ({ householdId } = await fullyPopulatedHousehold(app, agency));
  cm = client(app, await login(app, agency.users.case_manager.email));
  lead = client(app, await login(app, agency.users.lead.email));
  dpo = client(app, await login(app, agency.users.dpo.email));
  sw = client(app, await login(app, agency.users.social_worker.email));
});
afterAll(() => app.close());

describe('Art. 15 access request over HTTP', () => {
  it('received → in progress → produced (JSON and PDF) → handed over, with the one-month deadline', async () => {
    const created = await cm.post('/api/v1/privacy/requests', {
      householdId,
      channel: 'letter',
      receivedOn: today(),
      requestedBy: 'Frau Mustermann selbst',
      note: 'Brief vom Montag',
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({
      state: 'received',
      household: { id: householdId },
      member: null,
      dueOn: monthAfter(today()),
      overdue: false,
    });
    expect(r.actions.sort()).toEqual(['produce', 'refuse', 'start']);
    expect(r.reference).toMatch(/-A-\d{4}-\d{4}$/);
    const deadline = await testDbs().owner.selectFrom('deadlines').selectAll().where('subject_id', '=', r.id).executeTakeFirstOrThrow();
    expect(deadline).toMatchObject({
      kind: 'privacy_request_due',
      status: 'open',
      household_id: householdId,
      assignee_id: agency.users.case_manager.id,
    });
    expect(deadline.remind_at!.getTime()).toBeLessThan(deadline.due_at.getTime());

    const started = (await cm.post(`/api/v1/privacy/requests/${r.id}/start`, { version: r.version })).json();
    expect(started).toMatchObject({ state: 'in_progress', actions: ['produce', 'refuse'] });
    // The export is not there before it is produced.
    expect((await cm.get(`/api/v1/privacy/requests/${r.id}/export.json`)).statusCode).toBe(409);

    const produced = await lead.post(`/api/v1/privacy/requests/${r.id}/produce`, { version: started.version });
    expect(produced.statusCode, produced.body).toBe(200);
    const p = produced.json();
    expect(p).toMatchObject({ state: 'produced', actions: ['handOver'] });
    expect(p.summary.every((s: { count: number }) => s.count > 0)).toBe(true);

    const json = await cm.get(`/api/v1/privacy/requests/${r.id}/export.json`);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('.json');
    const data = json.json();
    expect(data.format).toBe('wohnhilfe.art15/1');
    expect(data.tables.find((t: { table: string }) => t.table === 'households').rows[0].id).toBe(householdId);
    expect(data.recipients.map((x: { module: string }) => x.module).sort()).toEqual(expect.arrayContaining(['aftercare', 'placement']));
    expect(data.consents.length).toBeGreaterThan(0);
    expect(data.accessLog.some((e: { action: string }) => e.action === 'household.read' || e.action === 'household.create')).toBe(true);
    expect(data.legalBases.map((b: { module: string }) => b.module)).toContain('prevention');
    expect(JSON.stringify(data)).not.toContain('password_hash');

    const pdf = await cm.get(`/api/v1/privacy/requests/${r.id}/export.pdf?lang=de`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const en = await cm.get(`/api/v1/privacy/requests/${r.id}/export.pdf?lang=en`);
    expect(en.headers['content-disposition']).toContain('access-');

    const handed = await cm.post(`/api/v1/privacy/requests/${r.id}/hand-over`, {
      version: p.version,
      handedOverOn: today(),
      channel: 'in_person',
    });
    expect(handed.json()).toMatchObject({ state: 'handed_over', handedOverOn: today(), handoverChannel: 'in_person', actions: [] });
    const closed = await testDbs().owner.selectFrom('deadlines').select('status').where('subject_id', '=', r.id).executeTakeFirstOrThrow();
    expect(closed.status).toBe('done');

    const steps = await events(agency.users.case_manager.id, 'privacy.request_step');
    expect(
      steps
        .filter((e) => e.entity_id === r.id)
        .map((e) => (e.details as { step: string }).step)
        .sort(),
    ).toEqual(['handOver', 'start']);
    expect((await events(agency.users.lead.id, 'privacy.request_produce')).some((e) => e.entity_id === r.id)).toBe(true);
    expect((await events(agency.users.case_manager.id, 'privacy.request_export')).filter((e) => e.entity_id === r.id)).toHaveLength(3);
  });

  it('answers for one member only with that member, and refuses with a reason (the deadline is cancelled)', async () => {
    const members = await testDbs()
      .owner.selectFrom('household_members')
      .select('id')
      .where('household_id', '=', householdId)
      .orderBy('position')
      .execute();
    const r = (
      await cm.post('/api/v1/privacy/requests', {
        householdId,
        memberId: members[1]!.id,
        channel: 'email',
        receivedOn: today(),
        requestedBy: 'Sohn',
      })
    ).json();
    expect(r.member.id).toBe(members[1]!.id);
    const p = (await cm.post(`/api/v1/privacy/requests/${r.id}/produce`, { version: r.version })).json();
    const data = (await cm.get(`/api/v1/privacy/requests/${p.id}/export.json`)).json();
    expect(data.tables.find((t: { table: string }) => t.table === 'household_members').rows.map((m: { id: string }) => m.id)).toEqual([
      members[1]!.id,
    ]);

    const other = (
      await cm.post('/api/v1/privacy/requests', { householdId, channel: 'phone', receivedOn: today(), requestedBy: 'Unbekannt' })
    ).json();
    const noReason = await cm.post(`/api/v1/privacy/requests/${other.id}/refuse`, { version: other.version, reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.headers['content-type']).toContain('application/problem+json');
    expect(noReason.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
    const refused = (
      await cm.post(`/api/v1/privacy/requests/${other.id}/refuse`, { version: other.version, reason: 'Identität nicht nachgewiesen' })
    ).json();
    expect(refused).toMatchObject({ state: 'refused', refusalReason: 'Identität nicht nachgewiesen', actions: [] });
    expect(
      (await testDbs().owner.selectFrom('deadlines').select('status').where('subject_id', '=', other.id).executeTakeFirstOrThrow()).status,
    ).toBe('cancelled');
  });

  it('refuses bad input as problem+json with the fields named, wrong steps with 409, stale versions with 412', async () => {
    const bad = await cm.post('/api/v1/privacy/requests', {
      householdId: 'kein-uuid',
      channel: 'fax',
      receivedOn: '2026-13-01',
      requestedBy: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['channel', 'householdId', 'receivedOn', 'requestedBy']);

    const future = await cm.post('/api/v1/privacy/requests', {
      householdId,
      channel: 'letter',
      receivedOn: '2099-01-01',
      requestedBy: 'X',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('receivedOn');

    const otherHousehold = (await cm.post('/api/v1/households', householdInput())).json();
    const foreignMember = await cm.post('/api/v1/privacy/requests', {
      householdId,
      memberId: otherHousehold.members[0].id,
      channel: 'letter',
      receivedOn: today(),
      requestedBy: 'X',
    });
    expect(foreignMember.statusCode).toBe(400);
    expect(foreignMember.json().errors[0].field).toBe('memberId');

    const unknown = await cm.post('/api/v1/privacy/requests', {
      householdId: '00000000-0000-4000-8000-000000000000',
      channel: 'letter',
      receivedOn: today(),
      requestedBy: 'X',
    });
    expect(unknown.statusCode).toBe(404);

    const r = (await cm.post('/api/v1/privacy/requests', { householdId, channel: 'letter', receivedOn: today(), requestedBy: 'X' })).json();
    const early = await cm.post(`/api/v1/privacy/requests/${r.id}/hand-over`, {
      version: r.version,
      handedOverOn: today(),
      channel: 'letter',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().currentState).toBe('received');
    expect((await cm.post(`/api/v1/privacy/requests/${r.id}/start`, { version: r.version + 5 })).statusCode).toBe(412);
    // Social workers do not handle access requests (they see only their own households).
    expect((await sw.post(`/api/v1/privacy/requests/${r.id}/start`, { version: r.version })).statusCode).toBe(404);
  });
});

describe('data-protection officer', () => {
  it('reads requests, transfer log, consents, audit and the records of processing — read-only, every access audited', async () => {
    const list = await dpo.get('/api/v1/privacy/requests');
    expect(list.statusCode).toBe(200);
    const first = list.json().items[0];
    expect(first.actions).toEqual([]);
    expect((await dpo.get(`/api/v1/privacy/requests/${first.id}`)).statusCode).toBe(200);
    // Not the content of the export, no step, and no case.
    expect((await dpo.get(`/api/v1/privacy/requests/${first.id}/export.json`)).statusCode).toBe(404);
    expect((await dpo.post(`/api/v1/privacy/requests/${first.id}/start`, { version: first.version })).statusCode).toBe(404);
    expect((await dpo.get(`/api/v1/households/${householdId}`)).statusCode).toBe(404);
    expect(
      (await dpo.post('/api/v1/privacy/requests', { householdId, channel: 'letter', receivedOn: today(), requestedBy: 'X' })).statusCode,
    ).toBe(403);

    const transfers = (await dpo.get('/api/v1/privacy/transfers')).json();
    expect(transfers.items.map((t: { module: string }) => t.module)).toEqual(expect.arrayContaining(['placement', 'aftercare']));
    const consents = (await dpo.get('/api/v1/privacy/consents')).json();
    expect(consents.items.length).toBeGreaterThan(0);
    expect((await dpo.get('/api/v1/audit-events')).statusCode).toBe(200);
    const csv = await dpo.get('/api/v1/audit-events/export?format=csv');
    expect(csv.statusCode).toBe(200);
    const pdf = await dpo.get('/api/v1/privacy/processing.pdf?lang=de');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('verarbeitungsverzeichnis.pdf');

    const me = agency.users.dpo.id;
    for (const action of [
      'privacy.request_list',
      'privacy.request_read',
      'privacy.transfer_log',
      'privacy.consent_log',
      'privacy.processing_records',
      'audit.list',
    ]) {
      expect((await events(me, action)).length, action).toBeGreaterThan(0);
    }
    // Others do not see the DPO's logs.
    expect((await cm.get('/api/v1/privacy/transfers')).statusCode).toBe(403);
  });
});
