import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCityComparison } from '../../../contracts/steering-city.js';
import { FIGURE_CONTRIBUTIONS } from '../../modules/steering/contributions.js';
import { client, login, testApp, testDbs } from '../../../../test/helpers.js';
import { DEMO_AGENCIES, DEMO_PASSWORD, seedDemo } from './demo.js';
import { DEMO_AGREEMENT_FIGURES, DEMO_STEERING, seedSteeringBody } from './steering-body.js';

let app: FastifyInstance;
beforeAll(async () => {
  await seedDemo(testDbs().owner);
  app = await testApp();
}, 120_000);
afterAll(() => app?.close());

describe('the demo steering body', () => {
  it('compares both demo agencies for last year, over declared figures only', async () => {
    const declared = new Set(FIGURE_CONTRIBUTIONS.flatMap((c) => c.families.flatMap((f) => f.figures.map((x) => x.id))));
    for (const id of DEMO_AGREEMENT_FIGURES) expect(declared.has(id), id).toBe(true);
    const steering = client(app, await login(app, DEMO_STEERING.email, DEMO_PASSWORD));
    const year = new Date().getFullYear() - 1;
    const res = await steering.get(`/api/v1/steering/city?from=${year}-01-01&to=${year}-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    const c: TCityComparison = res.json();
    expect(c.body?.name).toBe('Senatsverwaltung (Demo)');
    expect(c.agencies.map((a) => a.id).sort()).toEqual(DEMO_AGENCIES.map((a) => a.id).sort());
    expect(c.figures.map((f) => f.id).sort()).toEqual([...DEMO_AGREEMENT_FIGURES].sort());
    // The small demo shows most figures as "< 5"; its running tenancies reach a shown city total.
    expect(c.figures.find((f) => f.id === 'sustainment.tenancies_running')!.total.value).toBeGreaterThanOrEqual(5);
    expect(c.figures.find((f) => f.id === 'prevention.notices')!.total.suppressed).not.toBe('no_base');
  });

  it('runs once', async () => {
    await seedSteeringBody(testDbs().owner, DEMO_AGENCIES);
    expect(
      await testDbs().owner.selectFrom('steering_bodies').select('id').where('agency_id', '=', DEMO_STEERING.agencyId).execute(),
    ).toHaveLength(1);
  });
});
