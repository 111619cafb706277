import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRole } from '../../src/contracts/common.js';
import { client, createAgency, householdInput, login, testApp, type Session, type TestAgency } from '../helpers.js';
import { fromSchema, garbage, nastyText, type Schema } from './arbitraries.js';

/**
 * Bounded fuzzing over every route of the OpenAPI document, as several roles and without a session:
 * bodies shaped after the route's schema with malformed values mixed in, malformed JSON, odd path
 * parameters, query strings and headers. The one claim: no 5xx, and every error is problem+json.
 * Fixed seed (FUZZ_SEED overrides it) so a failure can be replayed; FUZZ_RUNS sets the count.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const ROLES: (TRole | null)[] = ['admin', 'case_manager', 'social_worker', 'lead', 'provider_user', 'carrier_worker', 'auditor', null];

interface Operation {
  method: string;
  path: string;
  body?: Schema;
  query: Record<string, Schema>;
}

let app: FastifyInstance;
let agency: TestAgency;
const sessions = new Map<TRole | null, Session | null>();
const knownIds: string[] = [];

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  for (const role of ROLES) sessions.set(role, role ? await login(app, agency.users[role].email) : null);
  const cm = client(app, sessions.get('case_manager')!);
  const h = (await cm.post('/api/v1/households', householdInput())).json();
  knownIds.push(h.id, agency.providerId, agency.carrierId, agency.users.case_manager.id, agency.users.admin.id);
}, 120_000);
afterAll(() => app.close());

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(byMethod)) {
      // Logging out would end the session the following requests use.
      if (path.endsWith('/auth/logout')) continue;
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      const params = (op.parameters as { in: string; name: string; schema?: Schema }[] | undefined) ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        body: content?.['application/json']?.schema,
        query: Object.fromEntries(params.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
      });
    }
  }
  return ops;
}

/** A text as a path segment; a lone surrogate cannot be percent-encoded, so it goes in as the bytes of one. */
function pathSegment(s: string): string {
  try {
    return encodeURIComponent(s.slice(0, 200)) || 'x';
  } catch {
    return '%ED%A0%80';
  }
}

describe('fuzzing every route', () => {
  it(`${RUNS} malformed requests: no 5xx, every error problem+json`, { timeout: 300_000 }, async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(100);
    const ids = fc.oneof(fc.constantFrom(...knownIds), fc.uuid());
    const segment = fc.oneof(
      { weight: 5, arbitrary: ids },
      {
        weight: 1,
        arbitrary: fc.constantFrom('guarantee_contract', 'contact_letter', 'x', '0', '-1', '%00', '%E0%A4%A', '..%2F..', 'a'.repeat(300)),
      },
      { weight: 1, arbitrary: nastyText.map(pathSegment) },
    );
    const request = fc.record({
      op: fc.constantFrom(...ops),
      role: fc.constantFrom(...ROLES),
      params: fc.array(segment, { minLength: 4, maxLength: 4 }),
      query: fc.option(fc.dictionary(fc.constantFrom('page', 'q', 'status', 'pageSize', 'sort', 'from', 'to'), nastyText, { maxKeys: 2 })),
      body: fc.nat(),
      raw: fc.oneof(
        { weight: 8, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', '{"__proto__":{"x":1}}', '\u0000', '') },
      ),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data', 'application/json; charset=latin1', ''),
        },
      ),
      ifMatch: fc.option(fc.constantFrom('"1"', 'W/"2"', '"99999999999999999999999"', '*', 'abc', '"-1"', '"1", "2"'), { freq: 4 }),
      idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constant('k'.repeat(300))), { freq: 6 }),
    });
    // Bodies per operation, generated from the operation's own schema with the same seed.
    const bodies = new Map(
      ops.map((op, i) => [op, fc.sample(op.body ? fromSchema(op.body, ids) : garbage, { numRuns: 20, seed: SEED + i })]),
    );

    const failures: string[] = [];
    let count = 0;
    let succeeded = 0;
    for (const r of fc.sample(request, { numRuns: RUNS, seed: SEED })) {
      let i = 0;
      const url = r.op.path.replace(/\{[^}]+\}/g, () => r.params[i++]!);
      const qs = r.query ? `?${new URLSearchParams(r.query).toString()}` : '';
      const s = sessions.get(r.role) ?? null;
      const hasBody = r.op.method !== 'GET' && r.op.method !== 'DELETE';
      const sample = bodies.get(r.op)!;
      const payload = r.raw ?? JSON.stringify(sample[r.body % sample.length] ?? null);
      const res = await app.inject({
        method: r.op.method as 'GET',
        url: url + qs,
        headers: {
          ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
          ...(hasBody && r.contentType ? { 'content-type': r.contentType } : {}),
          ...(r.ifMatch ? { 'if-match': r.ifMatch } : {}),
          ...(r.idempotencyKey ? { 'idempotency-key': r.idempotencyKey } : {}),
        },
        ...(hasBody ? { payload } : {}),
      });
      count++;
      if (res.statusCode < 400) succeeded++;
      const type = String(res.headers['content-type'] ?? '');
      if (res.statusCode >= 500 || (res.statusCode >= 400 && !type.startsWith('application/problem+json')))
        failures.push(
          `${res.statusCode} ${type} ${r.op.method} ${(url + qs).slice(0, 160)} as ${r.role}: ${payload.slice(0, 160)} → ${res.body.slice(0, 200)}`,
        );
    }
    expect(count).toBe(RUNS);
    // Not everything bounced off validation: some requests reached the services and succeeded.
    expect(succeeded).toBeGreaterThan(RUNS / 50);
    expect(failures, `seed ${SEED}`).toEqual([]);
  });
});
