import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBreakdowns } from '../../../contracts/steeringReports.js';
import type { TFigures } from '../../../contracts/steering.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from '../../../../test/helpers.js';
import { courtNotice } from '../../../../test/prevention-fixtures.js';
import { FIGURE_CONTRIBUTIONS } from './contributions.js';
import { refreshSnapshots, standardPeriods } from './snapshots.service.js';

/* Materialised figures: served with the time of their data until they age out or are recomputed. */

const Q3 = 'from=2025-07-01&to=2025-09-30';

let app: FastifyInstance;
let agency: TestAgency;
let other: TestAgency;
let cm: Client;

const addNotice = async (receivedOn: string, by = cm) => {
  const res = await by.post(
    '/api/v1/prevention/cases',
    courtNotice({ receivedOn, terminationOn: '2025-05-15', lawsuitServedOn: null, hearingAt: null, createHousehold: true } as Parameters<
      typeof courtNotice
    >[0]),
  );
  expect(res.statusCode, res.body).toBe(201);
};
const notices = (f: TFigures) => f.figures.find((x) => x.id === 'prevention.notices')!.value;
const stored = async (agencyId: string) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM steering_snapshots WHERE agency_id = ${agencyId}`.execute(testDbs().owner))
    .rows[0]!.n;

beforeAll(async () => {
  app = await testApp({ STEERING_MAX_AGE_MINUTES: '60' });
  agency = await createAgency();
  other = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  await addNotice('2025-08-04');
  await addNotice('2025-08-04', client(app, await login(app, other.users.case_manager.email)));
});
afterAll(() => app.close());

describe('materialised steering figures', () => {
  it('serves a period from its snapshot with the time of its data until "Neu berechnen"', async () => {
    const first: TFigures = (await cm.get(`/api/v1/steering/figures?${Q3}`)).json();
    expect(notices(first)).toBe(1);
    const firstBreakdowns: TBreakdowns = (await cm.get(`/api/v1/steering/breakdowns?${Q3}`)).json();
    const reached = firstBreakdowns.programmes.find((p) => p.module === 'prevention')!.total;
    expect(reached).toBe(1);

    await addNotice('2025-08-05');
    const again: TFigures = (await cm.get(`/api/v1/steering/figures?${Q3}`)).json();
    expect(notices(again)).toBe(1);
    expect(again.computedAt).toBe(first.computedAt);

    const refreshed = await cm.post('/api/v1/steering/refresh', { from: '2025-07-01', to: '2025-09-30' });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(Date.parse(refreshed.json().computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
    const now: TFigures = (await cm.get(`/api/v1/steering/figures?${Q3}`)).json();
    expect(notices(now)).toBe(2);
    expect(now.computedAt).toBe(refreshed.json().computedAt);
    const breakdowns: TBreakdowns = (await cm.get(`/api/v1/steering/breakdowns?${Q3}`)).json();
    expect(breakdowns.programmes.find((p) => p.module === 'prevention')!.total).toBe(2);
    expect(breakdowns.computedAt).toBe(refreshed.json().computedAt);
  });

  it('recomputes a snapshot that has aged out', async () => {
    await addNotice('2025-08-06');
    await sql`UPDATE steering_snapshots SET data_as_of = data_as_of - interval '2 days'
      WHERE agency_id = ${agency.id} AND period_from = '2025-07-01'`.execute(testDbs().owner);
    const f: TFigures = (await cm.get(`/api/v1/steering/figures?${Q3}`)).json();
    expect(notices(f)).toBe(3);
    expect(Date.now() - Date.parse(f.computedAt)).toBeLessThan(60_000);
  });

  it('refuses a bad period with the field named, and a role without the dashboard', async () => {
    const bad = await cm.post('/api/v1/steering/refresh', { from: '2025-09-30', to: '2025-07-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
    const auditor = client(app, await login(app, agency.users.auditor.email));
    expect((await auditor.post('/api/v1/steering/refresh', { from: '2025-07-01', to: '2025-09-30' })).statusCode).toBe(403);
  });

  it('the hourly job computes the standard periods once, and only what is due again', async () => {
    const periods = standardPeriods('2026-12-06');
    expect(periods.map((p) => `${p.from}/${p.to}`)).toEqual([
      '2024-01-01/2024-12-31',
      '2025-01-01/2025-12-31',
      '2026-01-01/2026-12-31',
      '2024-10-01/2024-12-31',
      '2025-01-01/2025-03-31',
      '2025-04-01/2025-06-30',
      '2025-07-01/2025-09-30',
      '2025-10-01/2025-12-31',
      '2026-01-01/2026-03-31',
      '2026-04-01/2026-06-30',
      '2026-07-01/2026-09-30',
      '2026-10-01/2026-12-31',
    ]);
    const today = new Date();
    const expected = standardPeriods(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(today)).length * 2;
    const first = await refreshSnapshots(testDbs().app, FIGURE_CONTRIBUTIONS, today, [other.id]);
    expect(first).toEqual({ agencies: 1, computed: expected });
    expect(await stored(other.id)).toBe(expected);
    const second = await refreshSnapshots(testDbs().app, FIGURE_CONTRIBUTIONS, today, [other.id]);
    expect(second.computed).toBe(0);
    const later = await refreshSnapshots(testDbs().app, FIGURE_CONTRIBUTIONS, new Date(today.getTime() + 3_600_000), [other.id]);
    // An hour on, only the periods still running (this year, this quarter) are due again.
    expect(later.computed).toBe(4);
  });
});

describe('storing a snapshot beside a concurrent writer', () => {
  it('answers the computation and keeps the newer row when a repeatable-read transaction cannot update it', async () => {
    const { inAgency } = await import('../../db/database.js');
    const { snapshotsRepository } = await import('./snapshots.repository.js');
    const p = { from: '2024-02-01', to: '2024-02-29' };
    let release!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    const slow = inAgency(
      testDbs().app,
      agency.id,
      async (tx) => {
        await snapshotsRepository(tx, agency.id).get('figures', p); // the snapshot of this transaction is taken
        await wait;
        return snapshotsRepository(tx, agency.id).put('figures', p, { late: true }, 1);
      },
      { isolation: 'repeatable read' },
    );
    await inAgency(testDbs().app, agency.id, (tx) => snapshotsRepository(tx, agency.id).put('figures', p, { first: true }, 1));
    release();
    expect(await slow).toBeInstanceOf(Date);
    const { rows } = await sql<{ data: unknown }>`SELECT data FROM steering_snapshots
      WHERE agency_id = ${agency.id} AND period_from = '2024-02-01'`.execute(testDbs().owner);
    expect(rows).toEqual([{ data: { first: true } }]);
  });
});
