import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../src/contracts/common.js';
import { roleHas, type Permission } from '../src/server/platform/access/registry.js';
import { client, createAgency, login, testApp, testDbs, type Client, type TestAgency } from './helpers.js';
import { fill, fixtures, type Ids } from './matrix-fixtures.js';

/**
 * Audit coverage: every GET route of the app (from Fastify's route table) is called by every role
 * that may call it, with real records of the agency, and must write an audit event for that caller,
 * unless it is listed here with the reason it returns no client data. A new GET route fails this
 * test until it audits or is added here after review.
 */
const EXEMPT: Record<string, string> = {
  'GET /api/v1/me': "the caller's own account and permissions",
  'GET /api/v1/me/settings': "the caller's own settings (the digest switch); changing them is audited",
  'GET /api/v1/staff': 'names and roles of the agency staff (for assignment pickers), no client',
  'GET /api/v1/users/operators': 'names of the accommodation operators (the picker for operator users), no client',
  'GET /api/v1/agency': 'agency name and settings',
  'GET /api/v1/households/districts': "the agency's district names (address form and list filter), no client",
  'GET /api/v1/notifications/count': 'a number only (the bell polls it)',
  'GET /api/v1/programme-conditions': 'the agency programme rules (rent caps, floor space)',
  'GET /api/v1/prevention/settings': 'the agency contact procedure',
  'GET /api/v1/document-templates': 'letter templates of the agency, no client',
  'GET /api/v1/document-templates/:kind': 'one letter template, no client',
  'GET /api/v1/audit-events/verify': 'the chain check result: counts and sequence numbers',
  'GET /api/v1/audit-events/actors': "names and roles of the agency's accounts (the auditor's actor picker), no client",
  'GET /api/v1/providers': 'housing companies (organisations and their contacts), no client',
  'GET /api/v1/carriers': 'NGO carriers (organisations and their contacts), no client',
  'GET /api/v1/offers/:id/rankings': "the offer's stored rankings without entries: weights, pool and exclusion counts",
  'GET /api/v1/offers/:id/attachments/:subId': 'a photo or floor plan of the flat, no client',
  'GET /api/v1/prevention/imports/:id/progress': 'row counts of a running list import (polled by its progress bar)',
};

/**
 * Routes that return client data but cannot be called with the shared fixtures; each names the test
 * that checks its audit event.
 */
const AUDITED_ELSEWHERE: Record<string, string> = {
  'GET /api/v1/prevention/imports/:id/report.csv':
    'needs a confirmed import (the fixture is only uploaded); test/prevention-import.test.ts checks prevention_import.report',
};

let app: FastifyInstance;
let agency: TestAgency;
let ids: Ids;
const sessions = {} as Record<TRole, Client>;

beforeAll(async () => {
  app = await testApp();
  agency = await createAgency();
  ids = await fixtures(app, agency);
  for (const role of ROLES) sessions[role] = client(app, await login(app, agency.users[role].email));
});
afterAll(() => app.close());

const lastEventId = async () =>
  Number(
    (
      await testDbs()
        .owner.selectFrom('audit_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow()
    ).id ?? 0,
  );

const eventsSince = (id: number, actorId: string) =>
  testDbs()
    .owner.selectFrom('audit_events')
    .select(['action', 'outcome'])
    .where('agency_id', '=', agency.id)
    .where('actor_id', '=', actorId)
    .where('id', '>', id)
    .execute();

const getRoutes = () => app.routeTable.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && r.access !== 'public');

describe('audit coverage of reads', () => {
  it('lists only exemptions that are GET routes of the app', () => {
    const keys = new Set(getRoutes().map((r) => `GET ${r.url}`));
    expect([...Object.keys(EXEMPT), ...Object.keys(AUDITED_ELSEWHERE)].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('writes an audit event for every GET of client data, for every role that may read it', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of getRoutes()) {
      const key = `GET ${r.url}`;
      if (EXEMPT[key] || AUDITED_ELSEWHERE[key]) continue;
      const roles = ROLES.filter((role) => roleHas(role, r.access as Permission));
      if (roles.length === 0) failures.push(`${key}: no role may call it`);
      for (const role of roles) {
        const before = await lastEventId();
        const res = await sessions[role].get(fill(r.url, ids, role));
        if (res.statusCode !== 200) {
          // A role that may call the route but cannot see this record (e.g. a company and another company's
          // record) is denied, and that is audited as well.
          if (res.statusCode !== 404) failures.push(`${key} as ${role}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
        const events = await eventsSince(before, agency.users[role].id);
        if (events.length === 0) failures.push(`${key} as ${role}: ${res.statusCode} without an audit event`);
        checked++;
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });
});
