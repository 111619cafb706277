import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TDesk } from '../../../contracts/desk.js';
import { client, login, testApp, testDbs } from '../../../../test/helpers.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, demoLogins, seedDemo } from './demo.js';
import { seedDesk } from './desk.js';

let app: FastifyInstance;
beforeAll(async () => {
  await seedDemo(testDbs().owner);
  app = await testApp();
}, 120_000);
afterAll(() => app?.close());

const deskOf = async (email: string): Promise<TDesk> => {
  const res = await client(app, await login(app, email, DEMO_PASSWORD)).get('/api/v1/desk');
  expect(res.statusCode, `${email}: ${res.body}`).toBe(200);
  return res.json();
};
const kinds = (d: TDesk) => d.sections.map((s) => `${s.module}.${s.kind}`);

describe('demo desks', () => {
  // The logins with a second factor (Berlin admin and auditor) are left out: logging in needs their TOTP.
  it.each(demoLogins().filter((l) => !l.totp))('$email finds waiting work and unread notifications', async ({ email, role }) => {
    const d = await deskOf(email);
    expect(d.notifications.unread, email).toBeGreaterThan(0);
    if (role === 'case_manager' && email.startsWith('sachbearbeitung@')) {
      expect(d.deadlines.items.map((i) => i.urgency)).toEqual(expect.arrayContaining(['overdue', 'today']));
      expect(kinds(d)).toEqual(expect.arrayContaining(['prevention.new_notice', 'placement.offer_to_check', 'sustainment.open_incident']));
    }
    if (role === 'social_worker' && email.startsWith('sozialarbeit@')) expect(kinds(d)).toContain('prevention.new_notice');
    if (role === 'lead') {
      expect(d.team!.unassigned.open).toBeGreaterThan(0);
      expect(d.team!.members.find((m) => m.displayName === 'Miriam Berger')!.overdue).toBeGreaterThan(0);
    }
    if (role === 'provider_user') expect(kinds(d)).toContain('placement.offer_in_progress');
    if (role === 'carrier_worker') expect(kinds(d)).toEqual(expect.arrayContaining(['aftercare.visit_overdue', 'aftercare.visit_due']));
    if (role === 'operator_user') expect(kinds(d)).toContain('accommodation.arrival_expected');
  });

  it('sets the desks up once', async () => {
    const count = async () =>
      Number(
        (
          await testDbs()
            .owner.selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where(
              'agency_id',
              'in',
              DEMO_AGENCIES.map((a) => a.id),
            )
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await seedDesk(testDbs().owner, DEMO_AGENCIES);
    expect(await count()).toBe(before);
  });
});

describe('demo addresses', () => {
  it('gives every demo household a current address in its city with one earlier period, and links the deadlines to households', async () => {
    const { owner } = testDbs();
    for (const a of DEMO_AGENCIES) {
      const rows = await owner
        .selectFrom('households as h')
        .leftJoin('household_addresses as x', (j) => j.onRef('x.household_id', '=', 'h.id'))
        .select(['h.id', 'x.valid_to', 'x.city', 'x.district', 'x.kind'])
        .where('h.agency_id', '=', a.id)
        .execute();
      const current = rows.filter((r) => r.city !== null && r.valid_to === null);
      const households = new Set(rows.map((r) => r.id));
      expect(current.length, a.city).toBe(households.size);
      expect(rows.length, a.city).toBe(households.size * 2);
      expect(current.every((r) => r.city === a.city)).toBe(true);
      expect(current.filter((r) => r.district).every((r) => a.districts.includes(r.district!))).toBe(true);
      const linked = await owner
        .selectFrom('deadlines')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', a.id)
        .where('household_id', 'is not', null)
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      expect(Number(linked.n), a.city).toBeGreaterThan(0);
    }
  });
});
