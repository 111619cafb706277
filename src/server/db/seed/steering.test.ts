import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TFigures } from '../../../contracts/steering.js';
import { FIGURE_CONTRIBUTIONS } from '../../modules/steering/contributions.js';
import { client, login, testApp, testDbs } from '../../../../test/helpers.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, demoLogins, seedDemo } from './demo.js';
import { seedSteering } from './steering.js';

let app: FastifyInstance;
beforeAll(async () => {
  await seedDemo(testDbs().owner);
  app = await testApp();
}, 120_000);
afterAll(() => app?.close());

describe('demo minimum and target values', () => {
  it('name only declared figures, and each demo lead sees statuses on the dashboard', async () => {
    const declared = new Set(FIGURE_CONTRIBUTIONS.flatMap((c) => c.families.flatMap((f) => f.figures.map((x) => x.id))));
    const rows = await testDbs().owner.selectFrom('steering_targets').select(['figure_id', 'agency_id']).execute();
    for (const r of rows) expect(declared.has(r.figure_id), r.figure_id).toBe(true);
    for (const l of demoLogins().filter((x) => x.role === 'lead' && !x.totp)) {
      const year = new Date().getFullYear() - 1;
      const res = await client(app, await login(app, l.email, DEMO_PASSWORD)).get(
        `/api/v1/steering/figures?from=${year}-01-01&to=${year}-12-31`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const set = (res.json() as TFigures).figures.filter((f) => f.status !== 'not_set');
      expect(set.length, l.email).toBeGreaterThanOrEqual(5);
      // At least one figure has a value measured against its minimum and target (not only "no data").
      expect(set.filter((f) => f.status !== 'no_data').length, l.email).toBeGreaterThan(0);
    }
  });

  it('runs once', async () => {
    const count = async () => (await testDbs().owner.selectFrom('steering_targets').select('id').execute()).length;
    const before = await count();
    await seedSteering(testDbs().owner, DEMO_AGENCIES);
    expect(await count()).toBe(before);
  });
});
