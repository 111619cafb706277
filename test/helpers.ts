import crypto from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import type { THouseholdCreate } from '../src/contracts/households.js';
import type { TRole } from '../src/contracts/common.js';
import { ROLES } from '../src/contracts/common.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { createKysely } from '../src/server/db/database.js';
import type { DB } from '../src/server/db/types.js';
import { hashPassword } from '../src/server/platform/auth/password.js';
import { parseKeys } from '../src/server/platform/keys/keyring.js';

export const PASSWORD = 'Test-Passwort-123';

let dbs: { owner: Kysely<DB>; app: Kysely<DB> } | null = null;
/** Owner and app connections to the run's test database (one pair per test file). */
export function testDbs() {
  dbs ??= { owner: createKysely(inject('ownerUrl'), 3), app: createKysely(inject('appUrl'), 5) };
  return dbs;
}

/** The key outside the database for the whole test run (every file shares one database, so one key). */
export const TEST_AUDIT_KEY = 'test:wohnhilfe-test-key-0123456789abcdefghij';
/** The keyring of TEST_AUDIT_KEY. */
export const testKeys = () => parseKeys(TEST_AUDIT_KEY, 'test');

export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', AUDIT_KEY: TEST_AUDIT_KEY, STEERING_MAX_AGE_MINUTES: '0', ...env });

export async function testApp(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = await buildApp({
    db: testDbs().app,
    config: testConfig(env),
    serveWeb: false,
    logger: false,
    listenUrl: inject('appUrl'),
    workers: false,
  });
  await app.ready();
  return app;
}

let hashed: Promise<string> | null = null;

export interface TestAgency {
  id: string;
  name: string;
  users: Record<TRole, { id: string; email: string }>;
  providerId: string;
  otherProviderId: string;
  carrierId: string;
  /** The accommodation operator the `operator_user` is bound to. */
  operatorId: string;
}

/** A fresh agency with one user per role, two housing providers and a carrier (like Medplum's createTestProject). */
export async function createAgency(settings: Record<string, unknown> = { totpRequiredRoles: [] }): Promise<TestAgency> {
  const { owner } = testDbs();
  const tag = crypto.randomBytes(5).toString('hex');
  const agency = await owner
    .insertInto('agencies')
    .values({
      name: `Testamt ${tag}`,
      ags: String(crypto.randomInt(10_000_000, 99_999_999)),
      federal_state: 'BW',
      reference_prefix: 'T',
      settings: JSON.stringify(settings),
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  const [p1, p2] = await owner
    .insertInto('housing_providers')
    .values([
      { agency_id: agency.id, name: 'Wohnbau Test GmbH' },
      { agency_id: agency.id, name: 'Zweite Wohnbau eG' },
    ])
    .returning('id')
    .execute();
  const [c] = await owner.insertInto('carriers').values({ agency_id: agency.id, name: 'Träger Test e. V.' }).returning('id').execute();
  // The operator user's accommodation operator (the operator portal); it has no facility until a test adds one.
  const [op] = await owner
    .insertInto('accommodation_operators')
    .values({ agency_id: agency.id, name: 'Betreiber Test gGmbH', kind: 'other' })
    .returning('id')
    .execute();
  hashed ??= hashPassword(PASSWORD);
  const hash = await hashed;
  const rows = await owner
    .insertInto('users')
    .values(
      ROLES.map((role) => ({
        agency_id: agency.id,
        email: `${role}.${tag}@test.example`,
        display_name: `${role} ${tag}`,
        role,
        password_hash: hash,
        provider_id: role === 'provider_user' ? p1!.id : null,
        carrier_id: role === 'carrier_worker' ? c!.id : null,
        operator_id: role === 'operator_user' ? op!.id : null,
      })),
    )
    .returning(['id', 'email', 'role'])
    .execute();
  const users = Object.fromEntries(rows.map((r) => [r.role, { id: r.id, email: r.email }])) as TestAgency['users'];
  return { id: agency.id, name: agency.name, users, providerId: p1!.id, otherProviderId: p2!.id, carrierId: c!.id, operatorId: op!.id };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD, totp?: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password, ...(totp ? { totp } : {}) } });
  if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
  const body = res.json();
  const cookie = res.cookies.find((c) => c.name === '__Host-wohnhilfe');
  if (!cookie || !body.me) throw new Error(`login ${email}: no session (${res.body})`);
  return { cookie: `__Host-wohnhilfe=${cookie.value}`, csrf: body.me.csrfToken };
}

/** A small client bound to a session: sends the cookie and, on unsafe methods, the CSRF token. */
export function client(app: FastifyInstance, s: Session | null) {
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as object } : {}),
      headers: { ...(s ? { cookie: s.cookie } : {}), ...(s && method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}), ...headers },
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    put: (url: string, body: unknown, headers?: Record<string, string>) => call('PUT', url, body, headers),
    del: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}
export type Client = ReturnType<typeof client>;

export function householdInput(over: Partial<THouseholdCreate> = {}): THouseholdCreate {
  return {
    situation: 'in_accommodation',
    situationSince: '2025-03-01',
    seekingHousing: true,
    needs: { wheelchair: false, stepFree: false, pets: false, districtsAvoid: [], districtsPrefer: ['Mitte'], notes: null },
    members: [
      {
        firstName: 'Erika',
        lastName: `Mustermann${crypto.randomBytes(2).toString('hex')}`,
        birthDate: '1985-04-12',
        gender: 'female',
        nationality: 'deutsch',
        relationship: 'head',
      },
      { firstName: 'Max', lastName: 'Mustermann', birthDate: '2015-09-01', gender: 'male', nationality: 'deutsch', relationship: 'child' },
    ],
    ...over,
  };
}
