import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { TOfferInput, TConditionsInput } from '../src/contracts/placement.js';
import { hashPassword } from '../src/server/platform/auth/password.js';
import { client, householdInput, login, PASSWORD, testDbs, type Client, type TestAgency } from './helpers.js';

/** Stuttgart-like rules: caps per persons, 45 m² + 15 m² per further person, fitted kitchen required. */
export const CONDITIONS: TConditionsInput = {
  validFrom: '2020-01-01',
  rentCaps: [
    { persons: 1, maxColdRentCents: 55_000 },
    { persons: 2, maxColdRentCents: 64_000 },
    { persons: 3, maxColdRentCents: 76_000 },
    { persons: 4, maxColdRentCents: 88_000 },
  ],
  extraPersonCents: 11_000,
  spaceBaseSqm: 45,
  spacePerPersonSqm: 15,
  requiredEquipment: ['kitchen_fitted'],
  note: 'Gemeinderatsbeschluss (Test)',
};

export function offerInput(over: Partial<TOfferInput> = {}): TOfferInput {
  return {
    street: 'Lindenstraße 12',
    postalCode: '70173',
    city: 'Stuttgart',
    district: 'Mitte',
    floor: 2,
    lift: true,
    livingSpace: 58,
    rooms: 2,
    coldRentCents: 62_000,
    serviceChargesCents: 15_000,
    heatingCents: 8_000,
    heatingType: 'Fernwärme',
    depositCents: 186_000,
    equipment: ['kitchen_fitted', 'balcony'],
    stepFree: false,
    wheelchair: false,
    availableFrom: '2026-12-01',
    petsAllowed: false,
    preferred: ['family'],
    hints: 'Gern eine Familie mit Kindern.',
    ...over,
  };
}

export interface PlacementActors {
  admin: Client;
  cm: Client;
  sw: Client;
  lead: Client;
  provider: Client;
  otherProvider: Client;
}

/** Logs in the roles of a placement and adds a user of the agency's second housing company. */
export async function placementActors(app: FastifyInstance, agency: TestAgency): Promise<PlacementActors> {
  const email = `other-provider.${agency.id.slice(0, 8)}@test.example`;
  await testDbs()
    .owner.insertInto('users')
    .values({
      agency_id: agency.id,
      email,
      display_name: 'Andere Wohnbau',
      role: 'provider_user',
      provider_id: agency.otherProviderId,
      password_hash: await hashPassword(PASSWORD),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const as = async (e: string) => client(app, await login(app, e));
  return {
    admin: await as(agency.users.admin.email),
    cm: await as(agency.users.case_manager.email),
    sw: await as(agency.users.social_worker.email),
    lead: await as(agency.users.lead.email),
    provider: await as(agency.users.provider_user.email),
    otherProvider: await as(email),
  };
}

export async function ensureConditions(admin: Client, input: TConditionsInput = CONDITIONS) {
  const res = await admin.post('/api/v1/programme-conditions', input);
  expect([201, 400]).toContain(res.statusCode);
}

/** A household in the pool (homeless, seeking housing) of a family of three by default. */
export async function poolHousehold(c: Client, agency: TestAgency, over: Parameters<typeof householdInput>[0] = {}) {
  const res = await c.post(
    '/api/v1/households',
    householdInput({ socialWorkerId: agency.users.social_worker.id, caseManagerId: agency.users.case_manager.id, ...over }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string };
}

/** An offer submitted by the provider, checked and approved by the case manager: ready to rank. */
export async function approvedOffer(a: PlacementActors, over: Partial<TOfferInput> = {}) {
  const created = await a.provider.post('/api/v1/offers', { ...offerInput(over), submit: true });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  expect((await a.cm.post(`/api/v1/offers/${id}/check`)).statusCode).toBe(200);
  const approved = await a.cm.post(`/api/v1/offers/${id}/approve`);
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as { id: string; reference: string; status: string; version: number };
}

export const consentInput = (providerId: string, over: Record<string, unknown> = {}) => ({
  recipientProviderId: providerId,
  givenBy: 'Erika Mustermann',
  givenOn: '2026-11-01',
  form: 'written',
  ...over,
});
