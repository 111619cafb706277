import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZHouseholdCreate } from '../../../contracts/households.js';
import {
  approvedOffer,
  consentInput,
  ensureConditions,
  placementActors,
  poolHousehold,
  type PlacementActors,
} from '../../../../test/placement-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type TestAgency } from '../../../../test/helpers.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { valueDigest } from './corrections.js';

/*
 * Consent over its life (expiring, withdrawn, refused transfers in one report) and rectification
 * (a correction keeps the old values beside the audit chain, sealed by digest).
 */

let app: FastifyInstance;
let a: TestAgency;
let p: PlacementActors;

beforeAll(async () => {
  app = await testApp();
  a = await createAgency();
  p = await placementActors(app, a);
  await ensureConditions(p.admin);
});
afterAll(() => app.close());

const inDays = (n: number) => berlinDate(new Date(Date.now() + n * 86_400_000));

describe('consent report', () => {
  it('lists consents about to expire, withdrawn consents and the transfer refused after a withdrawal', async () => {
    const h = await poolHousehold(p.cm, a);
    const expiring = await p.cm.post(`/api/v1/households/${h.id}/consents`, consentInput(a.providerId, { validUntil: inDays(10) }));
    expect(expiring.statusCode, expiring.body).toBe(201);
    const offer = await approvedOffer(p);
    const pick = await p.cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'passt' });
    expect(pick.statusCode, pick.body).toBe(201);
    const withdrawn = await p.cm.post(`/api/v1/households/${h.id}/consents/${expiring.json().id}/withdraw`, {
      note: 'widerrufen am Telefon',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    // Presenting the household to the company is refused now, and that refusal is kept.
    const present = await p.cm.post(`/api/v1/candidates/${pick.json().id}/present`, {});
    expect(present.statusCode).toBe(409);
    expect(present.json().code).toBe('consent_required');
    const other = await poolHousehold(p.cm, a);
    await p.cm.post(`/api/v1/households/${other.id}/consents`, consentInput(a.providerId, { validUntil: inDays(20) }));
    await p.cm.post(`/api/v1/households/${other.id}/consents`, consentInput(a.providerId, { validUntil: inDays(200) }));

    const lead = client(app, await login(app, a.users.lead.email));
    const report = await lead.get('/api/v1/consents/report?days=30');
    expect(report.statusCode, report.body).toBe(200);
    const items = report.json().items as { kind: string; householdId: string; reason: string | null; on: string }[];
    expect(items.filter((i) => i.kind === 'expiring').map((i) => [i.householdId, i.on])).toEqual([[other.id, inDays(20)]]);
    expect(items.filter((i) => i.kind === 'withdrawn').map((i) => i.householdId)).toEqual([h.id]);
    expect(items.filter((i) => i.kind === 'refused').map((i) => [i.householdId, i.reason])).toEqual([[h.id, 'withdrawn']]);
    expect((await lead.get('/api/v1/consents/report?days=0')).statusCode).toBe(400);
    expect((await lead.get('/api/v1/consents/report?days=abc')).statusCode).toBe(400);
    expect((await client(app, await login(app, a.users.social_worker.email)).get('/api/v1/consents/report')).statusCode).toBe(403);
    const refusal = await testDbs()
      .owner.selectFrom('audit_events')
      .select(['entity_id', 'details'])
      .where('agency_id', '=', a.id)
      .where('action', '=', 'consent.refused')
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ entity_id: h.id, details: { reason: 'withdrawn', provider: a.providerId } });
  });
});

describe('rectification', () => {
  it('keeps the old values of a correction in the audit, beside the chain, sealed by digest', async () => {
    const input = householdInput();
    const created = (await p.cm.post('/api/v1/households', input)).json();
    const corrected = ZHouseholdCreate.parse(input);
    corrected.members = [{ ...corrected.members[0]!, lastName: 'Berichtigt', birthDate: '1985-04-21' }, corrected.members[1]!];
    const res = await p.cm.put(
      `/api/v1/households/${created.id}`,
      { ...corrected, version: created.version },
      { 'if-match': `"${created.version}"` },
    );
    expect(res.statusCode, res.body).toBe(200);
    const { owner } = testDbs();
    const ev = await owner
      .selectFrom('audit_events')
      .select('details')
      .where('agency_id', '=', a.id)
      .where('action', '=', 'household.update')
      .where('entity_id', '=', created.id)
      .executeTakeFirstOrThrow();
    const details = ev.details as { changed: string[]; values: string; digest: string };
    expect(details.changed).toEqual(['members.0.birthDate', 'members.0.lastName']);
    // The chain holds no personal value; the value row does, and matches the sealed digest.
    expect(JSON.stringify(details)).not.toContain(input.members[0]!.lastName);
    const row = await owner.selectFrom('audit_values').selectAll().where('id', '=', details.values).executeTakeFirstOrThrow();
    const text = row.value as string;
    expect(valueDigest(row.salt!, text)).toBe(details.digest);
    expect(JSON.parse(text)).toEqual([
      { field: 'members.0.birthDate', before: '1985-04-12', after: '1985-04-21' },
      { field: 'members.0.lastName', before: input.members[0]!.lastName, after: 'Berichtigt' },
    ]);
  });
});
