import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
});
afterAll(() => app.close());

describe('households over HTTP', () => {
  it('creates, reads, finds and updates a household with members and needs', async () => {
    const input = householdInput({ caseManagerId: agency.users.case_manager.id });
    const created = await cm.post('/api/v1/households', input);
    expect(created.statusCode).toBe(201);
    const h = created.json();
    expect(h.reference).toMatch(/^T-\d{4}-\d{5}$/);
    expect(h.persons).toBe(2);
    expect(h.members.map((m: { firstName: string }) => m.firstName)).toEqual(['Erika', 'Max']);
    expect(h.caseManager.id).toBe(agency.users.case_manager.id);
    expect(created.headers.etag).toBe('"1"');
    expect(created.headers['cache-control']).toBe('no-store');

    const found = await cm.get(`/api/v1/households?q=${encodeURIComponent(input.members[0]!.lastName.toLowerCase())}`);
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([h.id]);
    const byRef = await cm.get(`/api/v1/households?q=${h.reference}`);
    expect(byRef.json().total).toBe(1);

    const upd = await cm.put(`/api/v1/households/${h.id}`, { ...input, situation: 'hidden_homeless', version: 1 }, { 'if-match': '"1"' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().situation).toBe('hidden_homeless');
    expect(upd.json().version).toBe(2);
    expect(upd.headers.etag).toBe('"2"');
  });

  it('answers a stale update with 412 and keeps the newer data', async () => {
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    const first = await cm.put(`/api/v1/households/${h.id}`, { ...householdInput(), situation: 'rough_sleeping', version: 1 });
    expect(first.statusCode).toBe(200);
    const stale = await cm.put(`/api/v1/households/${h.id}`, { ...householdInput(), situation: 'housed', version: 1 });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().code).toBe('precondition_failed');
    const now = (await cm.get(`/api/v1/households/${h.id}`)).json();
    expect(now.situation).toBe('rough_sleeping');
    // If-Match and body disagreeing is stale too.
    const mixed = await cm.put(`/api/v1/households/${h.id}`, { ...householdInput(), version: 2 }, { 'if-match': '"1"' });
    expect(mixed.statusCode).toBe(412);
  });

  it('creates one record for a replayed Idempotency-Key, and refuses the key for another body', async () => {
    const input = householdInput();
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const a = await cm.post('/api/v1/households', input, headers);
    const b = await cm.post('/api/v1/households', input, headers);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const { owner } = testDbs();
    const n = await owner
      .selectFrom('household_members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('last_name', '=', input.members[0]!.lastName)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
    const other = await cm.post('/api/v1/households', householdInput(), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_mismatch');
  });

  it('runs concurrent replays of one Idempotency-Key into a single record', async () => {
    const input = householdInput();
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const results = await Promise.all([1, 2, 3].map(() => cm.post('/api/v1/households', input, headers)));
    const ids = new Set(results.map((r) => r.json().id));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(ids.size).toBe(1);
  });

  it('reports every invalid field as RFC 9457 problem+json', async () => {
    const res = await cm.post('/api/v1/households', {
      situation: 'somewhere',
      needs: { wheelchair: 'ja' },
      members: [{ firstName: '', lastName: 'X', gender: 'female', birthDate: '2020-02-31' }],
    });
    expect(res.statusCode).toBe(400);
    const p = res.json();
    expect(p.code).toBe('validation_failed');
    const fields = p.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['situation', 'needs.wheelchair', 'members.0.firstName', 'members.0.birthDate']));
    expect(JSON.stringify(p)).not.toMatch(/at .*\.ts|SELECT|INSERT/);
  });

  it('refuses implausible dates at the field: a future birth date or "since" date, a journal entry after today', async () => {
    const input = householdInput();
    const future = { ...input, situationSince: '2999-01-01', members: [{ ...input.members[0]!, birthDate: '2999-01-01' }] };
    const res = await cm.post('/api/v1/households', future);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json();
    expect(p.code).toBe('validation_failed');
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'members.0.birthDate', message: 'Das Geburtsdatum darf nicht in der Zukunft liegen.' }),
        expect.objectContaining({ field: 'situationSince' }),
      ]),
    );
    const early = await cm.post('/api/v1/households', { ...input, members: [{ ...input.members[0]!, birthDate: '1899-12-31' }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors.map((e: { field: string }) => e.field)).toEqual(['members.0.birthDate']);

    const h = (await cm.post('/api/v1/households', householdInput())).json();
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString();
    const entry = await cm.post(`/api/v1/households/${h.id}/journal`, {
      occurredAt: tomorrow,
      kind: 'call',
      participation: true,
      text: 'Anruf',
    });
    expect(entry.statusCode).toBe(400);
    expect(entry.json().errors.map((e: { field: string }) => e.field)).toEqual(['occurredAt']);
  });

  it('rejects staff of the wrong role as case manager, at the field', async () => {
    const res = await cm.post('/api/v1/households', householdInput({ caseManagerId: agency.users.auditor.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('caseManagerId');
  });

  it('keeps a journal and shows who accessed the household', async () => {
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    const entry = await cm.post(`/api/v1/households/${h.id}/journal`, {
      occurredAt: '2026-11-20T09:30:00+01:00',
      kind: 'visit',
      participation: true,
      text: 'Hausbesuch in der Unterkunft.',
    });
    expect(entry.statusCode).toBe(201);
    expect(entry.json().author.id).toBe(agency.users.case_manager.id);
    const sw = client(app, await login(app, agency.users.lead.email));
    await sw.get(`/api/v1/households/${h.id}`);
    const journal = (await cm.get(`/api/v1/households/${h.id}/journal`)).json();
    expect(journal.items).toHaveLength(1);
    expect(journal.items[0].kind).toBe('visit');
    const log = (await cm.get(`/api/v1/households/${h.id}/access-log`)).json();
    const actions = log.items.map((i: { action: string; actor: string }) => `${i.actor}:${i.action}`);
    expect(actions).toEqual(expect.arrayContaining([`lead ${agency.name.split(' ')[1]}:household.read`]));
    expect(actions.some((a: string) => a.endsWith(':journal.create'))).toBe(true);
  });

  it('never shows one agency the households of another', async () => {
    const other = await createAgency();
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    const foreign = client(app, await login(app, other.users.case_manager.email));
    expect((await foreign.get(`/api/v1/households/${h.id}`)).statusCode).toBe(404);
    expect((await foreign.get(`/api/v1/households?q=${h.reference}`)).json().total).toBe(0);
    const put = await foreign.put(`/api/v1/households/${h.id}`, { ...householdInput(), version: 1 });
    expect(put.statusCode).toBe(404);
  });

  it('lets a social worker see only assigned households', async () => {
    const sw = client(app, await login(app, agency.users.social_worker.email));
    const mine = (await cm.post('/api/v1/households', householdInput({ socialWorkerId: agency.users.social_worker.id }))).json();
    const notMine = (await cm.post('/api/v1/households', householdInput())).json();
    expect((await sw.get(`/api/v1/households/${mine.id}`)).statusCode).toBe(200);
    expect((await sw.get(`/api/v1/households/${notMine.id}`)).statusCode).toBe(404);
    const list = (await sw.get('/api/v1/households?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(mine.id);
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(notMine.id);
    // Journal entries go only to assigned households, with or without an Idempotency-Key; a refused one leaves nothing.
    const note = { occurredAt: '2026-11-20T09:30:00+01:00', kind: 'note', participation: false, text: 'Notiz' };
    expect((await sw.post(`/api/v1/households/${notMine.id}/journal`, note)).statusCode).toBe(404);
    expect((await sw.post(`/api/v1/households/${notMine.id}/journal`, note, { 'idempotency-key': 'k-1' })).statusCode).toBe(404);
    expect((await cm.get(`/api/v1/households/${notMine.id}/journal`)).json().items).toHaveLength(0);
    const added = await sw.post(`/api/v1/households/${mine.id}/journal`, note);
    expect(added.statusCode).toBe(201);
    expect(added.json().author.displayName).toBe(`social_worker ${agency.name.split(' ')[1]}`);
    // A social worker who records a household is assigned to it.
    const own = await sw.post('/api/v1/households', householdInput());
    expect(own.json().socialWorker.id).toBe(agency.users.social_worker.id);
  });

  it('answers text with a NUL byte or a lone surrogate with 422 at the field, and saves nothing', async () => {
    const before = (await cm.get('/api/v1/households')).json().total;
    const input = householdInput();
    const nul = await cm.post('/api/v1/households', {
      ...input,
      members: [{ ...input.members[0]!, lastName: 'Mus\u0000ter' }, input.members[1]!],
    });
    expect(nul.statusCode).toBe(422);
    expect(nul.headers['content-type']).toContain('application/problem+json');
    expect(nul.json()).toMatchObject({ code: 'invalid_text', errors: [{ field: 'members.0.lastName', code: 'invalid_string' }] });
    const lone = await cm.post('/api/v1/households', { ...input, needs: { ...input.needs, notes: 'Hinweis \ud800' } });
    expect(lone.statusCode).toBe(422);
    expect(lone.json().errors).toEqual([expect.objectContaining({ field: 'needs.notes' })]);
    const query = await cm.get(`/api/v1/households?q=${encodeURIComponent('a\u0000b')}`);
    expect(query.statusCode).toBe(422);
    expect(query.json().errors).toEqual([expect.objectContaining({ field: 'querystring.q' })]);
    // A correct surrogate pair (an emoji) is text like any other.
    const emoji = await cm.post('/api/v1/households', { ...input, needs: { ...input.needs, notes: 'Hund 🐕' } });
    expect(emoji.statusCode).toBe(201);
    expect((await cm.get('/api/v1/households')).json().total).toBe(before + 1);
  });
});
