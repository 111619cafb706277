import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../src/contracts/common.js';
import { inAgency } from '../src/server/db/database.js';
import { PERMISSIONS, roleHas, type Permission } from '../src/server/platform/access/registry.js';
import { enqueueMail } from '../src/server/platform/mail/outbox.js';
import { notify } from '../src/server/platform/notify/notify.js';
import { CONDITIONS, consentInput, ensureConditions, offerInput } from './placement-fixtures.js';
import { courtNotice } from './prevention-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from './helpers.js';
import { rentDefault, tenancyInput } from './sustainment-fixtures.js';

/**
 * The access matrix: every route of the app (from Fastify's route table) must be listed here with a
 * sample request, and is called by every role with records of its own agency and of another one.
 * A role without the permission gets 403 (or 404 for a named record); another agency's record is 404.
 */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'GET /api/openapi.json', 'GET /api/health']);

type Ids = {
  household: string;
  user: string;
  provider: string;
  carrier: string;
  socialWorker: string;
  caseManager: string;
  mail: string;
  notifications: Record<TRole, string>;
  offer: string;
  candidate: string;
  roundTable: string;
  viewing: string;
  ranking: string;
  attachment: string;
  document: string;
  consent: string;
  tenancy: string;
  preventionCase: string;
  measure: string;
  referral: string;
  visit: string;
  preventionDocument: string;
  incident: string;
  incidentDocument: string;
  tenancyHousehold: string;
  preventionImport: string;
};
const SAMPLES: Record<string, (ids: Ids) => unknown> = {
  'GET /api/v1/me': () => undefined,
  'POST /api/v1/auth/logout': () => ({}),
  'POST /api/v1/auth/totp/enrol': () => ({}),
  'POST /api/v1/auth/totp/confirm': () => ({ code: '123456' }),
  'GET /api/v1/households': () => undefined,
  'POST /api/v1/households': () => householdInput(),
  'GET /api/v1/households/:id': () => undefined,
  'PUT /api/v1/households/:id': (i) => ({ ...householdInput({ socialWorkerId: i.socialWorker }), version: 1 }),
  'GET /api/v1/households/:id/journal': () => undefined,
  'POST /api/v1/households/:id/journal': () => ({ occurredAt: '2026-11-01T10:00:00Z', kind: 'note', participation: false, text: 'Matrix' }),
  'GET /api/v1/households/:id/access-log': () => undefined,
  'GET /api/v1/staff': () => undefined,
  'GET /api/v1/users': () => undefined,
  'POST /api/v1/users': () => ({
    email: `neu.${Math.random().toString(36).slice(2)}@test.example`,
    displayName: 'Neu',
    role: 'case_manager',
    password: 'Ein-sicheres-Passwort-1',
  }),
  'PUT /api/v1/users/:id': () => ({ displayName: 'Umbenannt', role: 'case_manager', active: true, version: 1 }),
  'POST /api/v1/users/:id/password': () => ({ password: 'Ein-neues-Passwort-22' }),
  'GET /api/v1/agency': () => undefined,
  'PUT /api/v1/agency/settings': () => ({ settings: { totpRequiredRoles: [], sessionIdleMinutes: 30, districts: [] }, version: 1 }),
  'GET /api/v1/providers': () => undefined,
  'POST /api/v1/providers': () => ({ name: 'Matrix Wohnbau' }),
  'PUT /api/v1/providers/:id': () => ({ name: 'Matrix Wohnbau', version: 1 }),
  'GET /api/v1/carriers': () => undefined,
  'POST /api/v1/carriers': () => ({ name: 'Matrix Träger' }),
  'PUT /api/v1/carriers/:id': () => ({ name: 'Matrix Träger', version: 1 }),
  'GET /api/v1/audit-events': () => undefined,
  'GET /api/v1/audit-events/verify': () => undefined,
  'GET /api/v1/deadlines': () => undefined,
  'GET /api/v1/offers': () => undefined,
  'POST /api/v1/offers': (i) => offerInput({ providerId: i.provider }),
  'GET /api/v1/offers/:id': () => undefined,
  'PUT /api/v1/offers/:id': () => ({ ...offerInput(), version: 1 }),
  'POST /api/v1/offers/:id/submit': () => ({}),
  'POST /api/v1/offers/:id/check': () => ({}),
  'POST /api/v1/offers/:id/approve': () => ({}),
  'POST /api/v1/offers/:id/decline': () => ({ reason: 'Matrix' }),
  'POST /api/v1/offers/:id/withdraw': () => ({ reason: 'Matrix' }),
  'POST /api/v1/offers/:id/restart': () => ({ reason: 'Matrix' }),
  'POST /api/v1/offers/:id/contracts': () => ({ leaseStart: '2027-01-01' }),
  'GET /api/v1/offers/:id/events': () => undefined,
  'POST /api/v1/offers/:id/rankings': () => ({}),
  'GET /api/v1/offers/:id/rankings': () => undefined,
  'GET /api/v1/offers/:id/rankings/:subId': () => undefined,
  'POST /api/v1/offers/:id/attachments': () => ({}),
  'GET /api/v1/offers/:id/attachments/:subId': () => undefined,
  'DELETE /api/v1/offers/:id/attachments/:subId': () => undefined,
  'GET /api/v1/offers/:id/documents/:subId': () => undefined,
  'GET /api/v1/programme-conditions': () => undefined,
  'POST /api/v1/programme-conditions/preview': () => CONDITIONS,
  'POST /api/v1/programme-conditions': () => ({ ...CONDITIONS, validFrom: '2024-01-01' }),
  'GET /api/v1/tenancies': () => undefined,
  'GET /api/v1/tenancies/:id': () => undefined,
  // The household already lives in the fixture tenancy: allowed roles get 409, nothing changes.
  'POST /api/v1/tenancies': (i) => tenancyInput(i.tenancyHousehold, i.provider),
  'PUT /api/v1/tenancies/:id': (i) => ({
    ...tenancyInput(i.tenancyHousehold, i.provider),
    householdId: undefined,
    providerId: undefined,
    version: 1,
  }),
  'POST /api/v1/tenancies/:id/end': () => ({ reason: 'moved_out', endedOn: '2027-06-30' }),
  'POST /api/v1/tenancies/:id/closing-review': () => ({ outcome: 'independent' }),
  'POST /api/v1/tenancies/:id/incidents': () => rentDefault(),
  'POST /api/v1/tenancies/:id/recovery-agreements': () => ({ instalmentCents: 5_000, startsOn: '2027-02-01' }),
  'POST /api/v1/tenancies/:id/recovery-payments': () => ({ amountCents: 5_000, paidOn: '2027-02-01' }),
  'GET /api/v1/tenancies/:id/documents/:subId': () => undefined,
  'GET /api/v1/incidents': () => undefined,
  'GET /api/v1/incidents/:id': () => undefined,
  'GET /api/v1/incidents/:id/documents/:subId': () => undefined,
  'POST /api/v1/incidents/:id/forward': () => ({}),
  'POST /api/v1/incidents/:id/reasons': () => ({ reasons: 'Matrix' }),
  'POST /api/v1/incidents/:id/inform-provider': () => ({ message: 'Matrix' }),
  'POST /api/v1/incidents/:id/wait': () => ({ recheckOn: '2030-01-01' }),
  'POST /api/v1/incidents/:id/demand-payment': () => ({}),
  'POST /api/v1/incidents/:id/recheck-unpaid': () => ({}),
  'POST /api/v1/incidents/:id/paid': () => ({}),
  'POST /api/v1/incidents/:id/payout': () => ({ amountCents: 1_000 }),
  'POST /api/v1/incidents/:id/assignment-receipt': () => ({ receivedOn: '2026-01-01' }),
  'POST /api/v1/incidents/:id/contacts': () => ({
    occurredAt: '2026-11-01T10:00:00.000Z',
    channel: 'phone',
    reached: true,
    note: 'Matrix',
  }),
  'POST /api/v1/incidents/:id/warnings': () => ({ issuedOn: '2026-01-01' }),
  'POST /api/v1/incidents/:id/solve': () => ({ resolution: 'Matrix' }),
  'POST /api/v1/incidents/:id/terminate': () => ({ terminatedOn: '2026-01-01', leaseEndsOn: '2026-03-31', guaranteeContinues: true }),
  'POST /api/v1/incidents/:id/cancel': () => ({ reason: 'Matrix' }),
  'GET /api/v1/offers/:id/candidates': () => undefined,
  'POST /api/v1/offers/:id/candidates': (i) => ({ householdId: i.household, comment: 'Matrix' }),
  'POST /api/v1/candidates/:id/present': () => ({}),
  'POST /api/v1/candidates/:id/withdraw': () => ({ reason: 'Matrix' }),
  'POST /api/v1/candidates/:id/viewings': (i) => ({ startsAt: '2026-12-03T14:00:00.000Z', place: 'vor Ort', attendeeIds: [i.caseManager] }),
  'POST /api/v1/candidates/:id/decision': () => ({ decision: 'accept' }),
  'POST /api/v1/candidates/:id/talks': () => ({ occurredAt: '2026-12-04T10:00:00.000Z', text: 'Matrix' }),
  'POST /api/v1/candidates/:id/veto': () => ({ reason: 'Matrix' }),
  'POST /api/v1/candidates/:id/allocate': () => ({}),
  'PUT /api/v1/viewings/:id': (i) => ({ startsAt: '2026-12-03T15:00:00.000Z', place: 'vor Ort', attendeeIds: [i.caseManager], version: 1 }),
  'POST /api/v1/viewings/:id/cancel': () => ({ version: 1 }),
  'POST /api/v1/viewings/:id/outcome': () => ({ outcome: 'Matrix', version: 1 }),
  'GET /api/v1/offers/:id/round-tables': () => undefined,
  'POST /api/v1/offers/:id/round-tables': (i) => ({ startsAt: '2026-12-02T09:00:00.000Z', participantIds: [i.caseManager] }),
  'PUT /api/v1/round-tables/:id': (i) => ({ startsAt: '2026-12-02T10:00:00.000Z', participantIds: [i.caseManager], version: 1 }),
  'POST /api/v1/round-tables/:id/cancel': () => ({ version: 1 }),
  'POST /api/v1/round-tables/:id/minutes': () => ({ minutes: 'Matrix', version: 1 }),
  'GET /api/v1/households/:id/consents': () => undefined,
  'POST /api/v1/households/:id/consents': (i) => consentInput(i.provider),
  'POST /api/v1/households/:id/consents/:consentId/withdraw': () => ({ note: 'Matrix' }),
  'GET /api/v1/notifications': () => undefined,
  'POST /api/v1/notifications/:id/read': () => ({}),
  'POST /api/v1/notifications/read-all': () => ({}),
  'GET /api/v1/outbox': () => undefined,
  'GET /api/v1/outbox/:id': () => undefined,
  'GET /api/v1/outbox/:id/attachments/:index': () => undefined,
  'GET /api/v1/document-templates': () => undefined,
  'GET /api/v1/document-templates/:kind': () => undefined,
  'PUT /api/v1/document-templates/:kind': () => ({ title: 'Matrix', body: 'Matrix {{today}}', version: 0 }),
  'DELETE /api/v1/document-templates/:kind': () => undefined,
  'POST /api/v1/document-templates/:kind/preview': () => ({}),
  'GET /api/v1/prevention/settings': () => undefined,
  'GET /api/v1/prevention/cases': () => undefined,
  'POST /api/v1/prevention/matches': () => ({ tenants: [{ firstName: 'Matrix', lastName: 'Matrix', birthDate: '1980-01-01' }] }),
  'POST /api/v1/prevention/cases': () => ({ ...courtNotice(), createHousehold: true }),
  'GET /api/v1/prevention/cases/:id': () => undefined,
  'PUT /api/v1/prevention/cases/:id': () => {
    const { tenants: _t, ...rest } = courtNotice();
    return { ...rest, version: 1 };
  },
  'POST /api/v1/prevention/cases/:id/assign': (i) => ({ caseManagerId: i.caseManager, socialWorkerId: i.socialWorker, version: 1 }),
  'POST /api/v1/prevention/cases/:id/attempts': () => ({ channel: 'phone', at: '2026-11-16T10:00:00.000Z', result: 'not_reached' }),
  'POST /api/v1/prevention/cases/:id/contact-letter': () => ({}),
  'GET /api/v1/prevention/cases/:id/documents/:subId': () => undefined,
  'PUT /api/v1/prevention/cases/:id/clearing': () => ({ clearing: { wishes: 'keep_home' }, version: 1 }),
  'POST /api/v1/prevention/cases/:id/clearing/complete': () => ({ version: 1 }),
  'POST /api/v1/prevention/cases/:id/measures': () => ({ kind: 'clearance', data: { provider: 'Matrix' } }),
  'PUT /api/v1/prevention/measures/:id': () => ({ kind: 'clearance', status: 'planned', data: { provider: 'Matrix' }, version: 1 }),
  'POST /api/v1/prevention/measures/:id/commitment-letter': () => ({}),
  'POST /api/v1/prevention/cases/:id/referrals': () => ({ kind: 'debt_counselling' }),
  'PUT /api/v1/prevention/referrals/:id': () => ({ kind: 'debt_counselling', status: 'referred', version: 1 }),
  'POST /api/v1/prevention/cases/:id/close': () => ({ outcome: 'no_contact', version: 1 }),
  'POST /api/v1/prevention/cases/:id/aftercare': (i) => ({ carrierId: i.carrier, handedOverOn: '2026-12-01', version: 1 }),
  'POST /api/v1/prevention/cases/:id/reopen': () => ({ reason: 'Matrix', version: 1 }),
  'GET /api/v1/prevention/visits': () => undefined,
  'POST /api/v1/prevention/visits': () => ({
    kind: 'walk_in',
    visitedAt: '2026-11-16T08:00:00.000Z',
    name: 'Matrix',
    concern: 'Mietschulden',
  }),
  'PUT /api/v1/prevention/visits/:id': () => ({
    kind: 'walk_in',
    visitedAt: '2026-11-16T08:00:00.000Z',
    name: 'Matrix',
    concern: 'Mietschulden',
    version: 1,
  }),
  'POST /api/v1/prevention/imports': () => ({}),
  'GET /api/v1/prevention/imports': () => undefined,
  'GET /api/v1/prevention/imports/:id': () => undefined,
  'GET /api/v1/prevention/imports/:id/progress': () => undefined,
  'PUT /api/v1/prevention/imports/:id/mapping': () => ({ columns: ['fullName', 'street', 'postalCode', 'city'] }),
  'GET /api/v1/prevention/imports/:id/rows': () => undefined,
  'PUT /api/v1/prevention/imports/:id/rows/:rowNo/household': () => ({ decision: 'link' }),
  'POST /api/v1/prevention/imports/:id/confirm': () => ({}),
  'GET /api/v1/prevention/imports/:id/report.csv': () => undefined,
};

let app: FastifyInstance;
let own: TestAgency;
let other: TestAgency;
const ids: Record<'own' | 'other', Ids> = {} as never;
const sessions = {} as Record<TRole, Client>;

async function fixtures(a: TestAgency): Promise<Ids> {
  const cm = client(app, await login(app, a.users.case_manager.email));
  const h = await cm.post(
    '/api/v1/households',
    householdInput({ situation: 'in_accommodation', socialWorkerId: a.users.social_worker.id }),
  );
  const { owner } = testDbs();
  const extra = await owner
    .insertInto('users')
    .values({ agency_id: a.id, email: `extra.${a.id}@test.example`, display_name: 'Extra', role: 'case_manager', password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Every role reads its own notification; the outbox mail has one attachment.
  const notifications = {} as Record<TRole, string>;
  const mail = await inAgency(testDbs().app, a.id, async (tx) => {
    for (const role of ROLES) {
      await notify(tx, a.id, { userIds: [a.users[role].id], kind: 'matrix', title: 'Matrix', mail: false });
    }
    const rows = await tx.selectFrom('notifications').select(['id', 'user_id']).execute();
    for (const role of ROLES) notifications[role] = rows.find((r) => r.user_id === a.users[role].id)!.id;
    return enqueueMail(tx, a.id, {
      to: ['matrix@test.example'],
      subject: 'Matrix',
      text: 'Matrix',
      kind: 'matrix',
      attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: 'YQ==' }],
    });
  });
  return {
    household: h.json().id,
    user: extra.id,
    provider: a.otherProviderId,
    carrier: a.carrierId,
    socialWorker: a.users.social_worker.id,
    caseManager: a.users.case_manager.id,
    mail,
    notifications,
    ...(await placementFixtures(a, cm, h.json().id)),
    ...(await preventionFixtures(cm)),
    preventionImport: await importFixture(a),
  };
}

/** A prevention case in clearing with a commitment measure (and its letter), a referral and a visit. */
async function preventionFixtures(cm: Client) {
  const c = (await cm.post('/api/v1/prevention/cases', { ...courtNotice(), createHousehold: true })).json();
  await cm.post(`/api/v1/prevention/cases/${c.id}/attempts`, { channel: 'phone', at: '2026-11-16T10:00:00.000Z', result: 'reached' });
  const withMeasure = (
    await cm.post(`/api/v1/prevention/cases/${c.id}/measures`, { kind: 'commitment', data: { recipient: 'landlord', amountCents: 1000 } })
  ).json();
  const measure = withMeasure.measures[0].id;
  const withDoc = (await cm.post(`/api/v1/prevention/measures/${measure}/commitment-letter`)).json();
  const withReferral = (await cm.post(`/api/v1/prevention/cases/${c.id}/referrals`, { kind: 'family_help' })).json();
  const visit = (
    await cm.post('/api/v1/prevention/visits', {
      kind: 'walk_in',
      visitedAt: '2026-11-16T08:00:00.000Z',
      name: 'Matrix',
      concern: 'Räumungsklage',
    })
  ).json();
  return {
    preventionCase: c.id,
    measure,
    referral: withReferral.referrals[0].id,
    visit: visit.id,
    preventionDocument: withDoc.measures[0].documents[0].id,
  };
}

/** An offer of the agency's portal company with a presented, consented candidate and its records. */
async function placementFixtures(a: TestAgency, cm: Client, householdId: string) {
  const admin = client(app, await login(app, a.users.admin.email));
  const provider = client(app, await login(app, a.users.provider_user.email));
  await ensureConditions(admin);
  const offer = (await provider.post('/api/v1/offers', { ...offerInput(), submit: true })).json();
  await cm.post(`/api/v1/offers/${offer.id}/check`);
  await cm.post(`/api/v1/offers/${offer.id}/approve`);
  const ranking = (await cm.post(`/api/v1/offers/${offer.id}/rankings`)).json();
  const h = (await cm.post('/api/v1/households', householdInput({ socialWorkerId: a.users.social_worker.id }))).json();
  await cm.post(`/api/v1/households/${h.id}/consents`, consentInput(a.providerId));
  const candidate = (await cm.post(`/api/v1/offers/${offer.id}/candidates`, { householdId: h.id, comment: 'Matrix' })).json();
  await cm.post(`/api/v1/candidates/${candidate.id}/present`, {});
  const viewing = (
    await cm.post(`/api/v1/candidates/${candidate.id}/viewings`, {
      startsAt: '2026-12-03T14:00:00.000Z',
      place: 'vor Ort',
      attendeeIds: [a.users.case_manager.id],
    })
  ).json().viewings[0];
  const roundTable = (
    await cm.post(`/api/v1/offers/${offer.id}/round-tables`, {
      startsAt: '2026-12-02T09:00:00.000Z',
      participantIds: [a.users.case_manager.id],
    })
  ).json();
  const consent = (await cm.post(`/api/v1/households/${householdId}/consents`, consentInput(a.otherProviderId))).json();
  const { owner } = testDbs();
  const attachment = await owner
    .insertInto('offer_attachments')
    .values({
      agency_id: a.id,
      offer_id: offer.id,
      filename: 'grundriss.png',
      content_type: 'image/png',
      size_bytes: 3,
      content: Buffer.from('png'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const document = await owner
    .insertInto('documents')
    .values({
      agency_id: a.id,
      owner_type: 'offer',
      owner_id: offer.id,
      kind: 'guarantee_contract',
      filename: 'a.pdf',
      content_type: 'application/pdf',
      content: Buffer.from('%PDF-1.4'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tenancy = await owner
    .insertInto('tenancies')
    .values({
      agency_id: a.id,
      reference: `T-M-${offer.id.slice(0, 6)}`,
      household_id: h.id,
      provider_id: a.providerId,
      offer_id: offer.id,
      street: 'Lindenstraße 12',
      postal_code: '70173',
      city: 'Stuttgart',
      lease_start: '2027-01-01',
      cold_rent_cents: 62_000,
      service_charges_cents: 15_000,
      heating_cents: 8_000,
      guarantee_start: '2027-01-01',
      guarantee_end: '2031-12-31',
      guarantee_max_cents: 1_000_000,
      guarantee_items: ['rent_arrears'],
      contact_person_id: a.users.case_manager.id,
      social_worker_id: a.users.social_worker.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const incident = await owner
    .insertInto('incidents')
    .values({
      agency_id: a.id,
      reference: `T-V-${offer.id.slice(0, 6)}`,
      tenancy_id: tenancy.id,
      provider_id: a.providerId,
      kind: 'rent_default',
      state: 'reported',
      reported_via: 'portal',
      months: ['2027-01'],
      amount_cents: 62_000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const incidentDocument = await owner
    .insertInto('documents')
    .values({
      agency_id: a.id,
      owner_type: 'incident',
      owner_id: incident.id,
      kind: 'assignment_declaration',
      filename: 'b.pdf',
      content_type: 'application/pdf',
      content: Buffer.from('%PDF-1.4'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    offer: offer.id,
    candidate: candidate.id,
    roundTable: roundTable.id,
    viewing: viewing.id,
    ranking: ranking.id,
    attachment: attachment.id,
    document: document.id,
    consent: consent.id,
    tenancy: tenancy.id,
    incident: incident.id,
    incidentDocument: incidentDocument.id,
    tenancyHousehold: h.id,
  };
}

/** An uploaded list (state uploaded) with four columns. */
async function importFixture(a: TestAgency): Promise<string> {
  const { owner } = testDbs();
  const job = await owner
    .insertInto('prevention_import_jobs')
    .values({
      agency_id: a.id,
      created_by: a.users.case_manager.id,
      filename: 'matrix.csv',
      format: 'csv',
      state: 'uploaded',
      columns: ['Name', 'Straße', 'PLZ', 'Ort'],
      total_rows: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await owner
    .insertInto('prevention_import_rows')
    .values({ agency_id: a.id, job_id: job.id, row_no: 2, cells: JSON.stringify(['Matrix, Max', 'Weg 1', '30159', 'Hannover']) })
    .execute();
  return job.id;
}

const send = (c: Client, method: string, url: string, body: unknown) =>
  method === 'GET' ? c.get(url) : method === 'PUT' ? c.put(url, body) : method === 'DELETE' ? c.del(url) : c.post(url, body);

const fill = (url: string, i: Ids, role: TRole) => {
  if (url.startsWith('/api/v1/notifications')) return url.replace(':id', i.notifications[role]);
  if (url.startsWith('/api/v1/outbox')) return url.replace(':id', i.mail).replace(':index', '0');
  const sub = url.includes('/rankings/')
    ? i.ranking
    : url.includes('/attachments/')
      ? i.attachment
      : url.startsWith('/api/v1/prevention/')
        ? i.preventionDocument
        : url.startsWith('/api/v1/incidents')
          ? i.incidentDocument
          : i.document;
  const kind =
    (
      [
        ['/api/v1/prevention/imports', 'preventionImport'],
        ['/api/v1/prevention/cases', 'preventionCase'],
        ['/api/v1/prevention/measures', 'measure'],
        ['/api/v1/prevention/referrals', 'referral'],
        ['/api/v1/prevention/visits', 'visit'],
        ['/api/v1/households', 'household'],
        ['/api/v1/users', 'user'],
        ['/api/v1/providers', 'provider'],
        ['/api/v1/carriers', 'carrier'],
        ['/api/v1/offers', 'offer'],
        ['/api/v1/candidates', 'candidate'],
        ['/api/v1/viewings', 'viewing'],
        ['/api/v1/round-tables', 'roundTable'],
        ['/api/v1/tenancies', 'tenancy'],
        ['/api/v1/incidents', 'incident'],
      ] as const
    ).find(([prefix]) => url.startsWith(prefix))?.[1] ?? 'carrier';
  return url
    .replace(':id', i[kind])
    .replace(':rowNo', '2')
    .replace(':kind', 'guarantee_contract')
    .replace(':subId', sub)
    .replace(':consentId', i.consent);
};

beforeAll(async () => {
  app = await testApp();
  own = await createAgency();
  other = await createAgency();
  ids.own = await fixtures(own);
  ids.other = await fixtures(other);
  for (const role of ROLES) sessions[role] = client(app, await login(app, own.users[role].email));
});
afterAll(() => app.close());

describe('access matrix', () => {
  it('lists every route: public ones explicitly, all others with a registered permission and a sample', () => {
    const api = app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    for (const r of api) {
      const key = `${r.method} ${r.url}`;
      expect(r.access, key).toBeDefined();
      if (r.access === 'public') expect(PUBLIC_ROUTES.has(key), `${key} is public`).toBe(true);
      else {
        expect(Object.keys(PERMISSIONS), key).toContain(r.access);
        expect(SAMPLES[key], `sample request for ${key}`).toBeDefined();
      }
    }
    expect(app.routeTable.filter((r) => r.url.startsWith('/api/docs')).every((r) => r.access === 'public')).toBe(true);
  });

  const routes = () =>
    app.routeTable.filter((r) => r.url.startsWith('/api/v1/') && r.access !== 'public' && r.url !== '/api/v1/auth/logout');

  it.each(ROLES)('role %s: allowed routes work on its own agency, others are refused (and audited)', async (role) => {
    const failures: string[] = [];
    let denials = 0;
    const deniedEvents = async () =>
      Number(
        (
          await testDbs()
            .owner.selectFrom('audit_events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('agency_id', '=', own.id)
            .where('actor_id', '=', own.users[role].id)
            .where('action', '=', 'access.denied')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await deniedEvents();
    for (const r of routes()) {
      const key = `${r.method} ${r.url}`;
      const body = SAMPLES[key]!(ids.own);
      const url = fill(r.url, ids.own, role);
      const res = await send(sessions[role], r.method, url, body);
      const allowed = roleHas(role, r.access as Permission);
      const named = r.url.includes(':id');
      if (allowed && [401, 403, 404].includes(res.statusCode) && !(key === 'POST /api/v1/auth/totp/confirm' && res.statusCode === 401)) {
        failures.push(`${key} allowed but ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      if (!allowed && res.statusCode !== (named ? 404 : 403)) failures.push(`${key} denied but ${res.statusCode}`);
      if (!allowed) denials++;
    }
    expect(failures).toEqual([]);
    expect(await deniedEvents()).toBe(before + denials);
  });

  it.each(ROLES)('role %s: records of another agency are not found', async (role) => {
    const failures: string[] = [];
    for (const r of routes().filter((x) => x.url.includes(':id'))) {
      const key = `${r.method} ${r.url}`;
      const url = fill(r.url, ids.other, role);
      const body = SAMPLES[key]!(ids.other);
      const res = await send(sessions[role], r.method, url, body);
      if (res.statusCode !== 404) failures.push(`${key} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('audits denied attempts', async () => {
    const res = await sessions.auditor.get(`/api/v1/households/${ids.own.household}`);
    expect(res.statusCode).toBe(404);
    const { owner } = testDbs();
    const denied = await owner
      .selectFrom('audit_events')
      .selectAll()
      .where('agency_id', '=', own.id)
      .where('outcome', '=', 'denied')
      .where('actor_id', '=', own.users.auditor.id)
      .where('entity_id', '=', ids.own.household)
      .execute();
    expect(denied.length).toBeGreaterThan(0);
    expect(denied[0]!.action).toBe('access.denied');
  });

  it('answers a denied read exactly like a missing id', async () => {
    const denied = await sessions.auditor.get(`/api/v1/households/${ids.own.household}`);
    const missing = await sessions.case_manager.get('/api/v1/households/00000000-0000-4000-8000-00000000dead');
    expect(denied.statusCode).toBe(missing.statusCode);
    const strip = (b: string) => ({ ...JSON.parse(b), instance: undefined });
    expect(strip(denied.body)).toEqual(strip(missing.body));
  });
});
