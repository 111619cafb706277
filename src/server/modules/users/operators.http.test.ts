import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, login, PASSWORD, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';

/*
 * Operator users (shelter operator staff, the operator portal) made by the agency's admin: bound to one
 * accommodation operator of the agency, required for the role and refused for every other; a new role
 * clears the operator. The admin's picker lists the agency's operators by name only.
 */
let app: FastifyInstance;
let a: TestAgency;
let b: TestAgency;
let admin: Client;

const newUser = (over: object = {}) => ({
  email: `betreiber.${Math.random().toString(36).slice(2)}@test.example`,
  displayName: 'Frau Betreiber',
  role: 'operator_user',
  password: PASSWORD,
  ...over,
});
const fields = (res: { json: () => { errors?: { field: string; message: string }[] } }) =>
  Object.fromEntries((res.json().errors ?? []).map((e) => [e.field, e.message]));
const operatorOf = async (id: string) =>
  (await testDbs().owner.selectFrom('users').select(['role', 'operator_id']).where('id', '=', id).executeTakeFirstOrThrow()).operator_id;

beforeAll(async () => {
  app = await testApp();
  [a, b] = [await createAgency(), await createAgency()];
  admin = client(app, await login(app, a.users.admin.email));
});
afterAll(() => app.close());

describe('operator users in the admin API', () => {
  it('lists the own agency operators by name for the admin only', async () => {
    const res = await admin.get('/api/v1/users/operators');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: a.operatorId, name: 'Betreiber Test gGmbH' }] });
    const cm = client(app, await login(app, a.users.case_manager.email));
    expect((await cm.get('/api/v1/users/operators')).statusCode).toBe(403);
  });

  it('requires an operator of the own agency for the role, with the message at the field', async () => {
    const missing = await admin.post('/api/v1/users', newUser());
    expect(missing.statusCode).toBe(400);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(fields(missing)).toEqual({ operatorId: 'Bitte einen Betreiber wählen.' });

    const foreign = await admin.post('/api/v1/users', newUser({ operatorId: b.operatorId }));
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual({ operatorId: 'Bitte einen Betreiber wählen.' });

    const notAnId = await admin.post('/api/v1/users', newUser({ operatorId: 'kein-betreiber' }));
    expect(notAnId.statusCode).toBe(400);
    expect(Object.keys(fields(notAnId))).toEqual(['operatorId']);

    const other = await admin.post('/api/v1/users', newUser({ role: 'case_manager', operatorId: a.operatorId }));
    expect(other.statusCode).toBe(400);
    expect(fields(other)).toEqual({ operatorId: 'Nur Konten von Betreibern gehören zu einem Betreiber.' });
  });

  it('creates an operator user who reaches the portal; a new role clears the operator, the way back needs one again', async () => {
    const input = newUser({ operatorId: a.operatorId });
    const created = await admin.post('/api/v1/users', input);
    expect(created.statusCode, created.body).toBe(201);
    const u = created.json();
    expect(u).toMatchObject({ role: 'operator_user', operatorId: a.operatorId, providerId: null, carrierId: null });
    expect(await operatorOf(u.id)).toBe(a.operatorId);
    const listed = (await admin.get('/api/v1/users')).json().items.find((x: { id: string }) => x.id === u.id);
    expect(listed.operatorId).toBe(a.operatorId);

    const portal = client(app, await login(app, input.email));
    expect((await portal.get('/api/v1/accommodation/portal')).statusCode).toBe(200);

    const moved = await admin.put(`/api/v1/users/${u.id}`, {
      displayName: u.displayName,
      role: 'social_worker',
      operatorId: null,
      active: true,
      version: u.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ role: 'social_worker', operatorId: null });
    expect(await operatorOf(u.id)).toBeNull();

    // An older form that does not send the field clears it too; back to operator_user needs the operator.
    const back = await admin.put(`/api/v1/users/${u.id}`, {
      displayName: u.displayName,
      role: 'operator_user',
      active: true,
      version: moved.json().version,
    });
    expect(back.statusCode).toBe(400);
    expect(fields(back)).toEqual({ operatorId: 'Bitte einen Betreiber wählen.' });
    const fixed = await admin.put(`/api/v1/users/${u.id}`, {
      displayName: u.displayName,
      role: 'operator_user',
      operatorId: a.operatorId,
      active: true,
      version: moved.json().version,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(await operatorOf(u.id)).toBe(a.operatorId);
  });
});
