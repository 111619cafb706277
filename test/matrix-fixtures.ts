import type { FastifyInstance } from 'fastify';
import { ROLES, type TRole } from '../src/contracts/common.js';
import { inAgency } from '../src/server/db/database.js';
import { enqueueMail } from '../src/server/platform/mail/outbox.service.js';
import { notify } from '../src/server/platform/notify/notify.js';
import { consentInput, ensureConditions, offerInput } from './placement-fixtures.js';
import { courtNotice } from './prevention-fixtures.js';
import { activeCase, agreementInput, carrierUser, day } from './aftercare-fixtures.js';
import { client, householdInput, login, testDbs, type Client, type TestAgency } from './helpers.js';
import { placesFixture } from './accommodation-fixtures.js';
import { multipart } from './prevention-import-fixtures.js';

export type Ids = {
  household: string;
  address: string;
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
  aftercareAgreement: string;
  aftercareAgreementDocument: string;
  aftercareCase: string;
  aftercareDocument: string;
  aftercareGoal: string;
  aftercareReferral: string;
  aftercareFollowUp: string;
  aftercareAnnualReport: string;
  privacyRequest: string;
  retentionReview: string;
  accommodationOperator: string;
  accommodationContract: string;
  accommodationFacility: string;
  accommodationPlace: string;
  accommodationAssignment: string;
  accommodationDocument: string;
  accommodationMember: string;
  accommodationInvoice: string;
  accommodationInspection: string;
  accommodationInspectionResult: string;
  accommodationInspectionPhoto: string;
  accommodationFinding: string;
};

/** Records of every kind in an agency, made through the API where it can (the access matrix and the audit coverage call every route with them). */
export async function fixtures(app: FastifyInstance, a: TestAgency): Promise<Ids> {
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
  const address = await cm.post(`/api/v1/households/${h.json().id}/addresses`, {
    kind: 'own_flat',
    street: 'Matrixweg 1',
    postalCode: '70173',
    city: 'Stuttgart',
    district: 'Mitte',
    validFrom: '2020-01-01',
  });
  return {
    household: h.json().id,
    address: address.json().id,
    user: extra.id,
    provider: a.otherProviderId,
    carrier: a.carrierId,
    socialWorker: a.users.social_worker.id,
    caseManager: a.users.case_manager.id,
    mail,
    notifications,
    ...(await placementFixtures(app, a, cm, h.json().id)),
    ...(await preventionFixtures(cm)),
    preventionImport: await importFixture(a),
    ...(await aftercareFixtures(app, a, cm)),
    privacyRequest: await privacyFixture(cm, h.json().id),
    retentionReview: await retentionFixture(a),
    ...(await accommodationFixtures(app, a, cm, h.json())),
  };
}

/** A household listed for erasure after its retention period (written as the daily pass would). */
async function retentionFixture(a: TestAgency): Promise<string> {
  const { owner } = testDbs();
  const h = await owner.selectFrom('households').select('id').where('agency_id', '=', a.id).limit(1).executeTakeFirstOrThrow();
  const row = await owner
    .insertInto('retention_reviews')
    .values({ agency_id: a.id, household_id: h.id, closed_on: '2015-01-01', due_on: '2025-01-01', programmes: ['prevention'] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * An agreement with the agency's carrier (with an uploaded document), an active case assigned to
 * the agency's carrier worker (consented, with a goal, a referral and a letter), an ended case
 * with its follow-up checks, and last year's annual report of the carrier, submitted by its lead.
 */
async function aftercareFixtures(app: FastifyInstance, a: TestAgency, cm: Client) {
  const { owner } = testDbs();
  const agreement = (await cm.post('/api/v1/aftercare/agreements', agreementInput(a.carrierId))).json();
  const hh = async () => (await cm.post('/api/v1/households', householdInput({ situation: 'housed', seekingHousing: false }))).json().id;
  const active = await activeCase(cm, await hh(), a.carrierId, a.users.carrier_worker.id);
  const withGoal = (await cm.post(`/api/v1/aftercare/cases/${active.id}/goals`, { goal: 'Matrix', reviewOn: day(30) })).json();
  const withReferral = (await cm.post(`/api/v1/aftercare/cases/${active.id}/referrals`, { kind: 'family_help' })).json();
  const ended = await activeCase(cm, await hh(), a.carrierId, a.users.carrier_worker.id);
  const endedRes = (
    await cm.post(`/api/v1/aftercare/cases/${ended.id}/end`, { reason: 'goals_reached', endedOn: day(0), version: ended.version })
  ).json();
  const doc = (owner_type: string, owner_id: string) =>
    owner
      .insertInto('documents')
      .values({
        agency_id: a.id,
        owner_type,
        owner_id,
        kind: 'aftercare',
        filename: 'm.pdf',
        content_type: 'application/pdf',
        content: Buffer.from('%PDF-1.4'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  const carrierLead = client(app, await login(app, (await carrierUser(a, a.carrierId, true)).email));
  const report = (await carrierLead.post('/api/v1/aftercare/annual-reports', { year: Number(day(0).slice(0, 4)) - 1 })).json();
  const submitted = await carrierLead.post(`/api/v1/aftercare/annual-reports/${report.id}/submit`, { version: report.version });
  if (submitted.statusCode !== 200) throw new Error(`annual report fixture: ${submitted.statusCode} ${submitted.body}`);
  return {
    aftercareAnnualReport: report.id,
    aftercareAgreement: agreement.id,
    aftercareAgreementDocument: (await doc('aftercare_agreement', agreement.id)).id,
    aftercareCase: active.id,
    aftercareDocument: (await doc('aftercare_case', active.id)).id,
    aftercareGoal: withGoal.goals[0].id,
    aftercareReferral: withReferral.referrals[0].id,
    aftercareFollowUp: endedRes.followUps[0].id,
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
async function placementFixtures(app: FastifyInstance, a: TestAgency, cm: Client, householdId: string) {
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

/** An access request (Art. 15) of the household, produced (so its export can be downloaded). */
async function privacyFixture(cm: Client, householdId: string): Promise<string> {
  const r = await cm.post('/api/v1/privacy/requests', { householdId, channel: 'letter', receivedOn: '2026-11-02', requestedBy: 'Matrix' });
  if (r.statusCode !== 201) throw new Error(`privacy fixture: ${r.statusCode} ${r.body}`);
  const produced = await cm.post(`/api/v1/privacy/requests/${r.json().id}/produce`, { version: r.json().version });
  if (produced.statusCode !== 200) throw new Error(`privacy fixture produce: ${produced.statusCode} ${produced.body}`);
  return r.json().id;
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

/** An operator with a contract, a facility with rooms, and the household assigned to a place (not moved in). */
async function accommodationFixtures(
  app: FastifyInstance,
  a: TestAgency,
  cm: Client,
  household: { id: string; members: { id: string }[] },
) {
  const acc = client(app, await login(app, a.users.accommodation_worker.email));
  const p = await placesFixture(acc);
  const assigned = await cm.post('/api/v1/accommodation/assignments', {
    householdId: household.id,
    facilityId: p.facilityId,
    fromDate: '2026-11-01',
    payer: 'agency',
    places: [{ memberId: household.members[0]!.id, placeId: p.place('A1', 0) }],
  });
  if (assigned.statusCode !== 201) throw new Error(assigned.body);
  // The agency's operator user works for the fixture's operator (portal routes reach its facility).
  await testDbs().owner.updateTable('users').set({ operator_id: p.operatorId }).where('id', '=', a.users.operator_user.id).execute();
  // The operator reports an incident about the household (the Art. 15 export shows it).
  const operator = client(app, await login(app, a.users.operator_user.email));
  const incident = await operator.post(`/api/v1/accommodation/portal/assignments/${assigned.json().id}/incidents`, {
    kind: 'conflict',
    occurredOn: '2026-11-02',
    text: 'Streit mit dem Zimmernachbarn',
  });
  if (incident.statusCode !== 201) throw new Error(incident.body);
  // The operator's November invoice for the first night (received, not checked).
  const invoice = await acc.post('/api/v1/accommodation/billing/invoices', {
    operatorId: p.operatorId,
    month: '2026-11',
    invoiceNo: 'R-Matrix-1',
    receivedOn: '2026-12-01',
    lines: [
      {
        assignmentId: assigned.json().id,
        memberId: household.members[0]!.id,
        firstNight: '2026-11-01',
        lastNight: '2026-11-01',
        nights: 1,
        amountCents: 3_500,
      },
    ],
  });
  if (invoice.statusCode !== 201) throw new Error(invoice.body);
  return {
    accommodationOperator: p.operatorId,
    accommodationContract: p.contractId,
    accommodationFacility: p.facilityId,
    accommodationPlace: p.place('A1', 1),
    accommodationAssignment: assigned.json().id as string,
    accommodationDocument: assigned.json().documents[0].id as string,
    accommodationMember: household.members[0]!.id,
    accommodationInvoice: invoice.json().id as string,
    ...(await inspectionFixture(app, a, p.facilityId)),
  };
}

export const send = (c: Client, method: string, url: string, body: unknown) =>
  method === 'GET' ? c.get(url) : method === 'PUT' ? c.put(url, body) : method === 'DELETE' ? c.del(url) : c.post(url, body);

/** A route's URL with the ids of the fixtures filled in. */
export const fill = (url: string, i: Ids, role: TRole) => {
  if (url === '/api/v1/search') return `${url}?q=${encodeURIComponent('mustermann')}`;
  if (url.startsWith('/api/v1/notifications')) return url.replace(':id', i.notifications[role]);
  if (url.startsWith('/api/v1/outbox')) return url.replace(':id', i.mail).replace(':index', '0');
  if (url === '/api/v1/accommodation/place-search') return `${url}?householdId=${i.household}`;
  if (url === '/api/v1/accommodation/billing' || url === '/api/v1/accommodation/billing/export.csv') return `${url}?month=2026-11`;
  if (url === '/api/v1/accommodation/billing/operators/:id') return `${url.replace(':id', i.accommodationOperator)}?month=2026-11`;
  if (url.startsWith('/api/v1/accommodation/inspections/'))
    return url
      .replace(':id', i.accommodationInspection)
      .replace(':subId', url.includes('/items/') ? i.accommodationInspectionResult : i.accommodationInspectionPhoto);
  const aftercareSub = url.startsWith('/api/v1/aftercare/agreements') ? i.aftercareAgreementDocument : i.aftercareDocument;
  const sub = url.startsWith('/api/v1/aftercare/')
    ? aftercareSub
    : url.startsWith('/api/v1/accommodation/facilities')
      ? i.accommodationPlace
      : url.startsWith('/api/v1/accommodation/assignments')
        ? i.accommodationDocument
        : url.includes('/addresses/')
          ? i.address
          : url.includes('/rankings/')
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
        ['/api/v1/accommodation/billing/invoices', 'accommodationInvoice'],
        ['/api/v1/accommodation/operators', 'accommodationOperator'],
        ['/api/v1/accommodation/contracts', 'accommodationContract'],
        ['/api/v1/accommodation/facilities', 'accommodationFacility'],
        ['/api/v1/accommodation/assignments', 'accommodationAssignment'],
        ['/api/v1/accommodation/portal/assignments', 'accommodationAssignment'],
        ['/api/v1/accommodation/findings', 'accommodationFinding'],
        ['/api/v1/aftercare/agreements', 'aftercareAgreement'],
        ['/api/v1/aftercare/annual-reports', 'aftercareAnnualReport'],
        ['/api/v1/privacy/requests', 'privacyRequest'],
        ['/api/v1/aftercare/cases', 'aftercareCase'],
        ['/api/v1/aftercare/goals', 'aftercareGoal'],
        ['/api/v1/aftercare/referrals', 'aftercareReferral'],
        ['/api/v1/aftercare/follow-ups', 'aftercareFollowUp'],
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
        ['/api/v1/retention/reviews', 'retentionReview'],
        ['/api/v1/incidents', 'incident'],
      ] as const
    ).find(([prefix]) => url.startsWith(prefix))?.[1] ?? 'carrier';
  return url
    .replace(':id', i[kind])
    .replace(':rowNo', '2')
    .replace(':kind', 'guarantee_contract')
    .replace(':subId', sub)
    .replace(':consentId', i.consent)
    .replace(':key', 'prevention.notices')
    .replace(':year', '2025');
};

/**
 * A completed inspection of the fixture facility with a photo and one major finding (no block), made
 * by the accommodation worker: steps on it are 409 for allowed roles, the finding's remedy a 400.
 */
async function inspectionFixture(app: FastifyInstance, a: TestAgency, facilityId: string) {
  const session = await login(app, a.users.accommodation_worker.email);
  const acc = client(app, session);
  const base = '/api/v1/accommodation';
  const planned = await acc.post(`${base}/facilities/${facilityId}/inspections`, { kind: 'routine', plannedOn: '2026-11-20' });
  if (planned.statusCode !== 201) throw new Error(planned.body);
  const id = planned.json().id as string;
  const started = await acc.post(`${base}/inspections/${id}/start`, { version: planned.json().version });
  const items = started.json().items as { key: string; resultId: string }[];
  let version = 0;
  for (const it of items) {
    const body =
      it.key === 'hygiene' ? { result: 'failed', note: 'Matrix', severity: 'major', remedyDue: '2099-01-01' } : { result: 'passed' };
    const r = await acc.put(`${base}/inspections/${id}/items/${it.resultId}`, body);
    if (r.statusCode !== 200) throw new Error(r.body);
    version = r.json().version;
  }
  const result = items[0]!.resultId;
  const m = multipartPhoto();
  const photo = await app.inject({
    method: 'POST',
    url: `${base}/inspections/${id}/items/${result}/photos`,
    payload: m.body,
    headers: { 'content-type': m.contentType, cookie: session.cookie, 'x-csrf-token': session.csrf },
  });
  if (photo.statusCode !== 201) throw new Error(photo.body);
  const done = await acc.post(`${base}/inspections/${id}/complete`, { version });
  if (done.statusCode !== 200) throw new Error(done.body);
  return {
    accommodationInspection: id,
    accommodationInspectionResult: result,
    accommodationInspectionPhoto: photo.json().items[0].photos[0].id as string,
    accommodationFinding: done.json().findings[0].id as string,
  };
}

/** A 1×1 PNG as a multipart/form-data body. */
function multipartPhoto() {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
  return multipart('foto.png', png, 'image/png');
}
