import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isoDateIn } from '../src/contracts/format.js';
import { client, createAgency, login, testApp, type Client } from './helpers.js';
import { courtNotice } from './prevention-fixtures.js';

/** The queue filter "nur mit überfälliger Frist" (UI checkbox → overdue=true). */
describe('prevention queue: overdue filter', () => {
  let app: FastifyInstance;
  let cm: Client;

  beforeAll(async () => {
    app = await testApp();
    const agency = await createAgency();
    cm = client(app, await login(app, agency.users.case_manager.email));
  });
  afterAll(() => app.close());

  it('lists only cases with an open deadline that has passed', async () => {
    const open = async (receivedOn: string) => {
      const res = await cm.post(
        '/api/v1/prevention/cases',
        { ...courtNotice({ receivedOn, hearingAt: null }), createHousehold: true },
        { 'idempotency-key': crypto.randomUUID() },
      );
      expect(res.statusCode, res.body).toBe(201);
      return res.json().reference as string;
    };
    // Received three weeks ago, nobody tried to reach the tenant: every contact step is overdue.
    const late = await open(isoDateIn(new Date(Date.now() - 21 * 86_400_000)));
    // Received today: the letter is due at the end of a working day still ahead or today.
    const fresh = await open(isoDateIn(new Date()));

    const all = (await cm.get('/api/v1/prevention/cases?status=open')).json().items.map((i: { reference: string }) => i.reference);
    expect(all).toEqual(expect.arrayContaining([late, fresh]));
    const res = await cm.get('/api/v1/prevention/cases?status=open&overdue=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { reference: string }) => i.reference)).toEqual([late]);
    expect(res.json().total).toBe(1);
  });
});
