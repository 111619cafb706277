import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { client, login, testApp, testDbs } from '../../../../test/helpers.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, demoLogins, seedDemo } from './demo.js';
import { seedAccommodation } from './accommodation.js';

let app: FastifyInstance;
beforeAll(async () => {
  await seedDemo(testDbs().owner);
  app = await testApp();
}, 180_000);
afterAll(() => app?.close());

describe('demo accommodation', () => {
  it('gives the Stuttgart and Berlin accommodation workers facilities with places and stays', async () => {
    for (const city of ['Stuttgart', 'Berlin']) {
      const l = demoLogins().find((x) => x.agency === city && x.role === 'accommodation_worker' && !x.totp)!;
      const c = client(app, await login(app, l.email, DEMO_PASSWORD));
      const facilities = (await c.get('/api/v1/accommodation/facilities')).json();
      expect(facilities.items.length, city).toBe(3);
      expect(facilities.items.some((f: { state: string }) => f.state === 'admitted_conditions')).toBe(true);
      const occupied = facilities.items.reduce((n: number, f: { occupancy: { occupied: number } }) => n + f.occupancy.occupied, 0);
      expect(occupied, city).toBeGreaterThan(0);
      const stays = (await c.get('/api/v1/accommodation/assignments')).json();
      expect(stays.items.filter((s: { state: string }) => s.state === 'moved_in').length, city).toBeGreaterThan(0);
    }
  });

  it('gives the operator portal login of Stuttgart and Berlin its facility with an arrival expected', async () => {
    for (const city of ['Stuttgart', 'Berlin']) {
      const l = demoLogins().find((x) => x.agency === city && x.role === 'operator_user')!;
      const c = client(app, await login(app, l.email, DEMO_PASSWORD));
      const portal = (await c.get('/api/v1/accommodation/portal')).json();
      expect(portal.facilities.length, city).toBeGreaterThan(0);
      const states = portal.facilities.flatMap((f: { households: { state: string }[] }) => f.households.map((h) => h.state));
      expect(states, city).toContain('assigned');
      expect(JSON.stringify((await c.get('/api/v1/desk')).json()), city).toContain('arrival_expected');
    }
  });

  it('runs once', async () => {
    const count = async () => (await testDbs().owner.selectFrom('accommodation_operators').select('id').execute()).length;
    const before = await count();
    await seedAccommodation(testDbs().owner, DEMO_AGENCIES);
    expect(await count()).toBe(before);
  });
});
