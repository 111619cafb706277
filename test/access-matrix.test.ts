import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../src/contracts/common.js';
import { PERMISSIONS, roleHas, type Permission } from '../src/server/platform/access/registry.js';
import { CONDITIONS, consentInput, offerInput } from './placement-fixtures.js';
import { courtNotice } from './prevention-fixtures.js';
import { client, createAgency, householdInput, login, testApp, testDbs, type Client, type TestAgency } from './helpers.js';
import { fill, fixtures, send, type Ids } from './matrix-fixtures.js';
import { rentDefault, tenancyInput } from './sustainment-fixtures.js';
import { agreementInput, consentInput as aftercareConsent, referralInput } from './aftercare-fixtures.js';
import { contractInput, facilityInput, operatorInput, roomInput } from './accommodation-fixtures.js';

/** The own agency's carrier, for aftercare samples (set once the agencies exist). */
let matrixCarrier = () => '';

/**
 * The access matrix: every route of the app (from Fastify's route table) must be listed here with a
 * sample request, and is called by every role with records of its own agency and of another one.
 * A role without the permission gets 403 (or 404 for a named record); another agency's record is 404.
 */
const PUBLIC_ROUTES = new Set([
  'POST /api/v1/auth/login',
  // Single sign-on: the ways in (404 without OIDC_ISSUER); the back-channel logout is authenticated by the IdP's signed logout token.
  'GET /api/v1/auth/sso',
  'GET /api/v1/auth/oidc/login',
  'GET /api/v1/auth/oidc/callback',
  'POST /api/v1/auth/oidc/backchannel-logout',
  'GET /api/openapi.json',
  'GET /api/health',
  'GET /health/live',
  'GET /health/ready',
]);

const SAMPLES: Record<string, (ids: Ids) => unknown> = {
  // Access requests (Art. 15): the fixture request is produced, so start/produce/refuse are 409 and a stale hand-over 412.
  'GET /api/v1/privacy/requests': () => undefined,
  'POST /api/v1/privacy/requests': (i) => ({ householdId: i.household, channel: 'email', receivedOn: '2026-11-03', requestedBy: 'Matrix' }),
  'GET /api/v1/privacy/requests/:id': () => undefined,
  'POST /api/v1/privacy/requests/:id/start': () => ({ version: 99 }),
  'POST /api/v1/privacy/requests/:id/produce': () => ({ version: 99 }),
  'POST /api/v1/privacy/requests/:id/hand-over': () => ({ version: 99, handedOverOn: '2026-11-20', channel: 'letter' }),
  'POST /api/v1/privacy/requests/:id/refuse': () => ({ version: 99, reason: 'Matrix' }),
  'GET /api/v1/privacy/requests/:id/export.json': () => undefined,
  'GET /api/v1/privacy/requests/:id/export.pdf': () => undefined,
  'GET /api/v1/privacy/transfers': () => undefined,
  'GET /api/v1/privacy/consents': () => undefined,
  'GET /api/v1/privacy/processing.pdf': () => undefined,
  // Accommodation: creations are harmless extras; changes carry a stale version or a duplicate (400/409/412).
  'GET /api/v1/accommodation/operators': () => undefined,
  'POST /api/v1/accommodation/operators': () => operatorInput(),
  'GET /api/v1/accommodation/operators/:id': () => undefined,
  'PUT /api/v1/accommodation/operators/:id': () => ({ ...operatorInput(), version: 99 }),
  'POST /api/v1/accommodation/operators/:id/contacts': () => ({ name: 'Matrix' }),
  'POST /api/v1/accommodation/operators/:id/contracts': () => contractInput({ validFrom: '2019-01-01', validTo: '2019-12-31' }),
  'POST /api/v1/accommodation/contracts/:id/rates': () => ({ validFrom: '2026-01-01', centsPerDay: 1 }),
  'GET /api/v1/accommodation/facilities': () => undefined,
  'POST /api/v1/accommodation/facilities': (i) => facilityInput(i.accommodationOperator),
  'GET /api/v1/accommodation/facilities/:id': () => undefined,
  'PUT /api/v1/accommodation/facilities/:id': (i) => ({ ...facilityInput(i.accommodationOperator), version: 99 }),
  'POST /api/v1/accommodation/facilities/:id/state': () => ({ to: 'blocked', note: 'Matrix', version: 99 }),
  'POST /api/v1/accommodation/facilities/:id/rooms': () => roomInput('A1'),
  'PUT /api/v1/accommodation/facilities/:id/places/:subId': () => ({ reason: null }),
  'GET /api/v1/accommodation/place-search': () => undefined,
  'GET /api/v1/accommodation/assignments': () => undefined,
  'POST /api/v1/accommodation/assignments': (i) => ({
    householdId: i.household,
    facilityId: i.accommodationFacility,
    fromDate: '2019-01-01',
    payer: 'agency',
    places: [{ memberId: i.accommodationFacility, placeId: i.accommodationPlace }],
  }),
  'GET /api/v1/accommodation/assignments/:id': () => undefined,
  'POST /api/v1/accommodation/assignments/:id/move-in': () => ({ movedInOn: '2026-11-01', version: 99 }),
  'POST /api/v1/accommodation/assignments/:id/move-out': () => ({ movedOutOn: '2026-11-02', reason: 'other', version: 99 }),
  'POST /api/v1/accommodation/assignments/:id/cancel': () => ({ reason: 'Matrix', version: 99 }),
  'GET /api/v1/accommodation/assignments/:id/documents/:subId': () => undefined,
  // Federal statistics: a past reporting year (:year → 2025); the lead's submission succeeds once.
  'GET /api/v1/accommodation/statistics': () => undefined,
  'GET /api/v1/accommodation/statistics/:year/export': () => undefined,
  'POST /api/v1/accommodation/statistics/:year/submitted': () => ({ note: 'Matrix' }),
  'GET /api/v1/accommodation/assignments/:id/incidents': () => undefined,
  'GET /api/v1/accommodation/portal': () => undefined,
  'POST /api/v1/accommodation/portal/assignments/:id/move-in': () => ({ movedInOn: '2026-11-01', version: 99 }),
  'POST /api/v1/accommodation/portal/assignments/:id/move-out': () => ({ movedOutOn: '2026-11-02', reason: 'other', version: 99 }),
  'POST /api/v1/accommodation/portal/assignments/:id/incidents': () => ({ kind: 'damage', occurredOn: '2026-11-02', text: 'Matrix' }),
  'GET /api/v1/accommodation/occupancy': () => undefined,
  'GET /api/v1/accommodation/occupancy/trend': () => undefined,
  'GET /api/v1/accommodation/occupancy/stay-lengths': () => undefined,
  // Billing: a new invoice each run (a random number) for the fixture's first night; steps carry a stale version (412).
  'GET /api/v1/accommodation/billing': () => undefined,
  'GET /api/v1/accommodation/billing/operators/:id': () => undefined,
  'GET /api/v1/accommodation/billing/export.csv': () => undefined,
  'POST /api/v1/accommodation/billing/invoices': (i) => ({
    operatorId: i.accommodationOperator,
    month: '2026-11',
    invoiceNo: `R-${Math.random().toString(36).slice(2, 10)}`,
    receivedOn: '2026-12-01',
    lines: [
      {
        assignmentId: i.accommodationAssignment,
        memberId: i.accommodationMember,
        firstNight: '2026-11-01',
        lastNight: '2026-11-01',
        nights: 1,
        amountCents: 3_500,
      },
    ],
  }),
  // Not a multipart form: allowed roles get 400 at the field.
  'POST /api/v1/accommodation/billing/invoices/import': () => ({}),
  'GET /api/v1/accommodation/billing/invoices/:id': () => undefined,
  'POST /api/v1/accommodation/billing/invoices/:id/check': () => ({ version: 99 }),
  'POST /api/v1/accommodation/billing/invoices/:id/approve': () => ({ version: 99 }),
  'POST /api/v1/accommodation/billing/invoices/:id/dispute': () => ({ version: 99, reason: 'Matrix' }),
  // Inspections: the fixture inspection is completed, so its steps are 409; the finding's remedy date lies ahead (400).
  'GET /api/v1/accommodation/checklist': () => undefined,
  'PUT /api/v1/accommodation/checklist': () => ({
    items: [{ key: 'matrix', title: 'Matrix', category: 'Matrix' }],
    routineMonths: 12,
    version: 99,
  }),
  'GET /api/v1/accommodation/facilities/:id/inspections': () => undefined,
  'POST /api/v1/accommodation/facilities/:id/inspections': () => ({ kind: 'routine', plannedOn: '2026-12-01' }),
  'GET /api/v1/accommodation/inspections/:id': () => undefined,
  'POST /api/v1/accommodation/inspections/:id/start': () => ({ version: 99 }),
  'PUT /api/v1/accommodation/inspections/:id/items/:subId': () => ({ result: 'passed' }),
  'POST /api/v1/accommodation/inspections/:id/items/:subId/photos': () => ({}),
  'GET /api/v1/accommodation/inspections/:id/photos/:subId': () => undefined,
  'POST /api/v1/accommodation/inspections/:id/complete': () => ({ version: 99 }),
  'POST /api/v1/accommodation/inspections/:id/cancel': () => ({ reason: 'Matrix', version: 99 }),
  'GET /api/v1/accommodation/inspections/:id/report.pdf': () => undefined,
  'POST /api/v1/accommodation/findings/:id/remedy': () => ({ note: 'Matrix', checkedOn: '2099-01-01' }),
  // Aftercare: steps carry a stale version (412) where they have one, so the fixtures survive every role.
  'GET /api/v1/aftercare/agreements': () => undefined,
  'POST /api/v1/aftercare/agreements': () => agreementInput(matrixCarrier(), { validFrom: '2019-01-01', validTo: '2019-12-31' }),
  'PUT /api/v1/aftercare/agreements/:id': () => ({ ...agreementInput(matrixCarrier()), carrierId: undefined, version: 99 }),
  'POST /api/v1/aftercare/agreements/:id/documents': () => ({}),
  'GET /api/v1/aftercare/agreements/:id/documents/:subId': () => undefined,
  'GET /api/v1/aftercare/cases': () => undefined,
  'GET /api/v1/aftercare/cases/export': () => undefined,
  'POST /api/v1/aftercare/cases': (i) => referralInput(i.household, matrixCarrier()),
  'GET /api/v1/aftercare/cases/:id': () => undefined,
  'GET /api/v1/aftercare/cases/:id/documents/:subId': () => undefined,
  'GET /api/v1/aftercare/cases/:id/transfers': () => undefined,
  'GET /api/v1/aftercare/cases/:id/workers': () => undefined,
  'POST /api/v1/aftercare/cases/:id/check': () => ({ comparableHelp: [], version: 1 }),
  'POST /api/v1/aftercare/cases/:id/refuse': () => ({ existingHelp: 'sgb8', version: 1 }),
  'POST /api/v1/aftercare/cases/:id/grant': () => ({ grantedFrom: '2026-01-01', version: 1 }),
  'POST /api/v1/aftercare/cases/:id/consent': () => aftercareConsent(),
  'POST /api/v1/aftercare/cases/:id/consent/withdraw': () => ({ withdrawnOn: '2026-11-01', version: 1 }),
  'POST /api/v1/aftercare/cases/:id/extend': () => ({ months: 1, reason: 'Matrix', version: 1 }),
  'POST /api/v1/aftercare/cases/:id/assign': () => ({ carrierWorkerId: null, version: 1 }),
  'POST /api/v1/aftercare/cases/:id/end': () => ({ reason: 'moved_away', endedOn: '2026-11-01', version: 1 }),
  'POST /api/v1/aftercare/cases/:id/goals': () => ({ goal: 'Matrix', reviewOn: '2027-01-01' }),
  'POST /api/v1/aftercare/cases/:id/visits': () => ({ status: 'not_met', visitedOn: '2099-01-01' }),
  'POST /api/v1/aftercare/cases/:id/referrals': () => ({ kind: 'other' }),
  'POST /api/v1/aftercare/cases/:id/contacts': () => ({ occurredOn: '2026-11-01', counterpart: 'job_centre' }),
  'POST /api/v1/aftercare/goals/:id/reviews': () => ({ reviewedOn: '2099-01-01', progress: 'some' }),
  'PUT /api/v1/aftercare/goals/:id': () => ({ goal: 'Matrix', reviewOn: '2027-01-01', state: 'open' }),
  'PUT /api/v1/aftercare/referrals/:id': () => ({ status: 'made' }),
  'POST /api/v1/aftercare/follow-ups/:id': () => ({ homeKept: true, checkedOn: '2026-11-01' }),
  'GET /api/v1/aftercare/queue': () => undefined,
  'GET /api/v1/aftercare/reports/quarter': () => undefined,
  'GET /api/v1/aftercare/reports/annual': () => undefined,
  'GET /api/v1/aftercare/reports/quarter.xlsx': () => undefined,
  'GET /api/v1/aftercare/annual-reports': () => undefined,
  // Opens a report of 2020 for the carrier (a second call answers the same one).
  'POST /api/v1/aftercare/annual-reports': () => ({ year: 2020 }),
  'GET /api/v1/aftercare/annual-reports/:id': () => undefined,
  // The fixture report is submitted and the versions are stale: allowed roles get 409/412, nothing changes.
  'PUT /api/v1/aftercare/annual-reports/:id': () => ({ focus: 'Matrix', version: 99 }),
  'POST /api/v1/aftercare/annual-reports/:id/submit': () => ({ version: 99 }),
  'POST /api/v1/aftercare/annual-reports/:id/return': () => ({ reason: 'Matrix', version: 99 }),
  'GET /api/v1/aftercare/annual-reports/:id/export': () => undefined,
  'GET /api/v1/me': () => undefined,
  'GET /api/v1/me/settings': () => undefined,
  // Off, as it was: every role may choose it, nothing changes.
  'PUT /api/v1/me/settings': () => ({ mailDigest: false }),
  'GET /api/v1/desk': () => undefined,
  'GET /api/v1/desk/work': () => undefined,
  'GET /api/v1/steering/figures': () => undefined,
  'GET /api/v1/steering/targets': () => undefined,
  'GET /api/v1/steering/breakdowns': () => undefined,
  'GET /api/v1/steering/workload': () => undefined,
  'GET /api/v1/steering/export.xlsx': () => undefined,
  'GET /api/v1/steering/export.pdf': () => undefined,
  'GET /api/v1/steering/annual-report.pdf': () => undefined,
  'GET /api/v1/steering/figures/:key/cases': () => undefined,
  // A version from long ago: the lead adds one (201) each run, the dashboard's current values are unaffected.
  'POST /api/v1/steering/targets': () => ({ figureId: 'prevention.notices', minimum: 1, target: 2, validFrom: '2019-01-01', note: null }),
  'POST /api/v1/steering/refresh': () => ({ from: '2019-01-01', to: '2019-03-31' }),
  // The matrix's agencies are in no target agreement and its steering user in no steering body: empty answers.
  'GET /api/v1/steering/city': () => undefined,
  'GET /api/v1/steering/city-average': () => undefined,
  // An id that is no open work: the lead gets 400 with the field named, nothing changes.
  // Retention and restriction (issue 18): the lead keeps the listed household (200 once, then 409);
  // restricting and lifting with valid input, so the household is writable again after each role's run.
  'GET /api/v1/retention/reviews': () => undefined,
  'GET /api/v1/retention/runs': () => undefined,
  'POST /api/v1/retention/reviews/:id/decision': () => ({ decision: 'keep', reason: 'Verfahren läuft', keepUntil: '2099-01-01' }),
  'GET /api/v1/households/:id/restriction': () => undefined,
  'POST /api/v1/households/:id/restriction': () => ({ reason: 'legal_claims', note: null }),
  'POST /api/v1/households/:id/restriction/lift': () => ({ note: 'Prüfung abgeschlossen' }),
  'GET /api/v1/consents/report': () => undefined,
  'POST /api/v1/desk/reassign': (i) => ({
    toUserId: i.caseManager,
    items: [{ type: 'deadline', id: '00000000-0000-4000-8000-00000000dead' }],
  }),
  'POST /api/v1/auth/logout': () => ({}),
  'POST /api/v1/auth/totp/enrol': () => ({}),
  'POST /api/v1/auth/totp/confirm': () => ({ code: '123456' }),
  'GET /api/v1/households': () => undefined,
  'GET /api/v1/households/export': () => undefined,
  'GET /api/v1/search': () => undefined,
  'POST /api/v1/households': () => householdInput(),
  'GET /api/v1/households/:id': () => undefined,
  'PUT /api/v1/households/:id': (i) => ({ ...householdInput({ socialWorkerId: i.socialWorker }), version: 1 }),
  'GET /api/v1/households/:id/journal': () => undefined,
  'GET /api/v1/households/:id/programmes': () => undefined,
  'GET /api/v1/households/:id/file.pdf': () => undefined,
  'POST /api/v1/households/:id/journal': () => ({ occurredAt: '2026-11-01T10:00:00Z', kind: 'note', participation: false, text: 'Matrix' }),
  'GET /api/v1/households/:id/access-log': () => undefined,
  'GET /api/v1/households/:id/addresses': () => undefined,
  'GET /api/v1/households/districts': () => undefined,
  // A past period (the second call overlaps the first: 400), and a correction with a stale version (412).
  'POST /api/v1/households/:id/addresses': () => ({
    kind: 'sublet',
    street: 'Altweg 2',
    postalCode: '70173',
    city: 'Stuttgart',
    validFrom: '2001-01-01',
    validTo: '2001-12-31',
  }),
  'PUT /api/v1/households/:id/addresses/:subId': () => ({
    kind: 'own_flat',
    street: 'Matrixweg 1',
    postalCode: '70173',
    city: 'Stuttgart',
    validFrom: '2020-01-01',
    version: 99,
  }),
  'GET /api/v1/staff': () => undefined,
  'GET /api/v1/users': () => undefined,
  'GET /api/v1/users/operators': () => undefined,
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
  'GET /api/v1/audit-events/export': () => undefined,
  'GET /api/v1/audit-events/verify': () => undefined,
  'GET /api/v1/audit-events/actors': () => undefined,
  'GET /api/v1/deadlines': () => undefined,
  'GET /api/v1/deadlines/export': () => undefined,
  'GET /api/v1/offers': () => undefined,
  'GET /api/v1/offers/export': () => undefined,
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
  'GET /api/v1/tenancies/export': () => undefined,
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
  'GET /api/v1/notifications/count': () => undefined,
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
  'GET /api/v1/prevention/cases/export': () => undefined,
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

beforeAll(async () => {
  app = await testApp();
  own = await createAgency();
  other = await createAgency();
  matrixCarrier = () => own.carrierId;
  ids.own = await fixtures(app, own);
  ids.other = await fixtures(app, other);
  for (const role of ROLES) sessions[role] = client(app, await login(app, own.users[role].email));
});
afterAll(() => app.close());

describe('access matrix', () => {
  it('lists every route: public ones explicitly, all others with a registered permission and a sample', () => {
    const api = app.routeTable.filter((r) => (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) || r.url.startsWith('/health/'));
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
      // The carrier's assignment picker is for its lead only; the matrix's carrier worker is not a lead.
      const leadOnly = role === 'carrier_worker' && key === 'GET /api/v1/aftercare/cases/:id/workers';
      const allowed = roleHas(role, r.access as Permission) && !leadOnly;
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
