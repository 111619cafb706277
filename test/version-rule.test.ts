import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createAgency, householdInput, login, testApp, type Client, type TestAgency } from './helpers.js';

let app: FastifyInstance;
let agency: TestAgency;
let cm: Client;
let admin: Client;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  cm = client(app, await login(app, agency.users.case_manager.email));
  admin = client(app, await login(app, agency.users.admin.email));
});
afterAll(() => app.close());

const problem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => { code: string } }) => ({
  status: res.statusCode,
  type: String(res.headers['content-type']).split(';')[0],
  code: res.json().code,
});

describe('one rule for every update: If-Match or version', () => {
  it('updates a household with If-Match alone, with version alone, and refuses neither with 428', async () => {
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    const { version: _v, ...noVersion } = { ...householdInput(), version: 0 };
    const byHeader = await cm.put(`/api/v1/households/${h.id}`, { ...noVersion, situation: 'hidden_homeless' }, { 'if-match': '"1"' });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.headers.etag).toBe('"2"');
    const byBody = await cm.put(`/api/v1/households/${h.id}`, { ...noVersion, situation: 'housed', version: 2 });
    expect(byBody.statusCode).toBe(200);
    const neither = await cm.put(`/api/v1/households/${h.id}`, noVersion);
    expect(problem(neither)).toEqual({ status: 428, type: 'application/problem+json', code: 'precondition_required' });
    const staleHeader = await cm.put(`/api/v1/households/${h.id}`, noVersion, { 'if-match': 'W/"2"' });
    expect(problem(staleHeader)).toEqual({ status: 412, type: 'application/problem+json', code: 'precondition_failed' });
  });

  it('answers a malformed If-Match with 400 and an impossible version with 412, never 500', async () => {
    const h = (await cm.post('/api/v1/households', householdInput())).json();
    const url = `/api/v1/households/${h.id}`;
    const bad = await cm.put(url, householdInput(), { 'if-match': 'nicht-eine-version' });
    expect(problem(bad)).toEqual({ status: 400, type: 'application/problem+json', code: 'validation_failed' });
    expect(bad.json()).toMatchObject({ errors: [{ field: 'headers.if-match' }] });
    const huge = await cm.put(url, householdInput(), { 'if-match': '"99999999999999999999999"' });
    expect(problem(huge)).toEqual({ status: 412, type: 'application/problem+json', code: 'precondition_failed' });
    const hugeBody = await cm.put(url, { ...householdInput(), version: 3_000_000_000 });
    expect(problem(hugeBody)).toEqual({ status: 412, type: 'application/problem+json', code: 'precondition_failed' });

    const reset = await admin.del('/api/v1/document-templates/guarantee_contract', { 'if-match': '"99999999999999999999999"' });
    expect(problem(reset)).toEqual({ status: 412, type: 'application/problem+json', code: 'precondition_failed' });
    const resetBad = await admin.del('/api/v1/document-templates/guarantee_contract', { 'if-match': '"x"' });
    expect(problem(resetBad)).toEqual({ status: 400, type: 'application/problem+json', code: 'validation_failed' });
  });

  it('takes If-Match alone on the agency settings and a template (other modules, same rule)', async () => {
    const agencyNow = await admin.get('/api/v1/agency');
    const settings = agencyNow.json().settings;
    const saved = await admin.put('/api/v1/agency/settings', { settings }, { 'if-match': agencyNow.headers.etag as string });
    expect(saved.statusCode).toBe(200);
    const t = await admin.put('/api/v1/document-templates/contact_letter', { title: 'Anschreiben', body: 'Hallo' }, { 'if-match': '"0"' });
    expect(t.statusCode).toBe(200);
    expect(t.headers.etag).toBe('"1"');
  });

  it('documents the rule: every body version is optional in OpenAPI and the route names If-Match', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    let routes = 0;
    for (const [path, ops] of Object.entries<Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>>(
      doc.paths,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        const body = JSON.stringify(op.requestBody ?? {});
        if (!body.includes('"version"')) continue;
        routes++;
        expect(body, `${method} ${path}`).not.toMatch(/"required":\[[^\]]*"version"/);
        expect(
          op.parameters?.some((p) => p.in === 'header' && p.name === 'if-match'),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    expect(routes).toBeGreaterThan(30);
  });
});
