import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { inAgency } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { roleHas, type Permission } from '../../platform/access/registry.js';
import { AppError } from '../../platform/errors/app-error.js';
import { restrictionRepository, type SubjectKind } from './restriction.repository.js';

/*
 * Restriction of processing (Art. 18 DSGVO, § 84 SGB X) is enforced here and nowhere else: one
 * preValidation hook, after authentication and before the input is checked (a restricted record is
 * refused whatever is sent), refuses every write route (POST, PUT, PATCH, DELETE) whose subject belongs to a restricted household with 423 `processing_restricted`.
 * Which household a route is about comes from the rules below: a write route either matches a
 * household-bound rule (the subject from a path parameter or a body field), is listed as exempt
 * (bound, but allowed under a restriction), or is listed as not about one household. The test
 * (restriction.http.test.ts) fails for a write route in the route table that none of them covers,
 * so a new route must be classified; a new route under a bound prefix is blocked by default.
 */

export interface Binding {
  kind: SubjectKind;
  from: 'param' | 'body';
  /** The parameter or body field holding the subject's id. */
  field: string;
}
const param = (kind: SubjectKind, field = 'id'): Binding => ({ kind, from: 'param', field });
const body = (kind: SubjectKind, field = 'householdId'): Binding => ({ kind, from: 'body', field });

/** Household-bound write routes by URL pattern (any write method), first match wins. */
export const HOUSEHOLD_WRITE_RULES: readonly { url: RegExp; binding: Binding }[] = [
  { url: /^\/api\/v1\/households\/:id(\/|$)/, binding: param('household') },
  { url: /^\/api\/v1\/candidates\/:id(\/|$)/, binding: param('candidate') },
  { url: /^\/api\/v1\/viewings\/:id(\/|$)/, binding: param('viewing') },
  { url: /^\/api\/v1\/tenancies\/:id(\/|$)/, binding: param('tenancy') },
  { url: /^\/api\/v1\/incidents\/:id(\/|$)/, binding: param('incident') },
  { url: /^\/api\/v1\/prevention\/cases\/:id(\/|$)/, binding: param('prevention_case') },
  { url: /^\/api\/v1\/prevention\/measures\/:id(\/|$)/, binding: param('prevention_measure') },
  { url: /^\/api\/v1\/prevention\/referrals\/:id(\/|$)/, binding: param('prevention_referral') },
  { url: /^\/api\/v1\/prevention\/visits\/:id(\/|$)/, binding: param('prevention_visit') },
  { url: /^\/api\/v1\/aftercare\/cases\/:id(\/|$)/, binding: param('aftercare_case') },
  { url: /^\/api\/v1\/aftercare\/goals\/:id(\/|$)/, binding: param('aftercare_goal') },
  { url: /^\/api\/v1\/aftercare\/referrals\/:id(\/|$)/, binding: param('aftercare_referral') },
  { url: /^\/api\/v1\/aftercare\/follow-ups\/:id(\/|$)/, binding: param('aftercare_follow_up') },
  { url: /^\/api\/v1\/retention\/reviews\/:id(\/|$)/, binding: param('retention_review') },
  { url: /^\/api\/v1\/accommodation\/assignments\/:id(\/|$)/, binding: param('accommodation_assignment') },
  { url: /^\/api\/v1\/accommodation\/portal\/assignments\/:id(\/|$)/, binding: param('accommodation_assignment') },
  // New records for an existing household name it in the body.
  { url: /^\/api\/v1\/offers\/:id\/candidates$/, binding: body('household') },
  { url: /^\/api\/v1\/tenancies$/, binding: body('household') },
  { url: /^\/api\/v1\/aftercare\/cases$/, binding: body('household') },
  { url: /^\/api\/v1\/prevention\/cases$/, binding: body('household') },
  { url: /^\/api\/v1\/prevention\/visits$/, binding: body('household') },
  { url: /^\/api\/v1\/accommodation\/assignments$/, binding: body('household') },
];

/** Household-bound, yet allowed under a restriction (Art. 18: storage, and lifting it). */
export const RESTRICTION_EXEMPT: Record<string, string> = {
  'POST /api/v1/households/:id/restriction': 'restricting again is refused by the restriction itself (409)',
  'POST /api/v1/households/:id/restriction/lift': 'lifting the restriction must stay possible',
  'POST /api/v1/households/:id/consents/:consentId/withdraw':
    "withdrawing consent ends processing (the household's own right, Art. 7(3) DSGVO); it never adds any",
  'POST /api/v1/privacy/requests':
    "the data subject's own right of access (Art. 15 DSGVO) is served under a restriction too; it reads the record and changes nothing in it",
  'POST /api/v1/privacy/requests/:id/start':
    "the data subject's own right of access (Art. 15 DSGVO) is served under a restriction too; it reads the record and changes nothing in it",
  'POST /api/v1/privacy/requests/:id/produce':
    "the data subject's own right of access (Art. 15 DSGVO) is served under a restriction too; it reads the record and changes nothing in it",
  'POST /api/v1/privacy/requests/:id/hand-over':
    "the data subject's own right of access (Art. 15 DSGVO) is served under a restriction too; it reads the record and changes nothing in it",
  'POST /api/v1/privacy/requests/:id/refuse':
    "the data subject's own right of access (Art. 15 DSGVO) is served under a restriction too; it reads the record and changes nothing in it",
};

/** Write routes not about one household's data, with the reason. */
export const NOT_HOUSEHOLD_WRITES: Record<string, string> = {
  'POST /api/v1/auth/login': 'session',
  'POST /api/v1/auth/logout': 'session',
  'POST /api/v1/auth/oidc/backchannel-logout': 'the identity provider ends a session',
  'POST /api/v1/accommodation/operators': 'shelter operators (organisations)',
  'PUT /api/v1/accommodation/operators/:id': 'shelter operators (organisations)',
  'POST /api/v1/accommodation/operators/:id/contacts': 'shelter operators (organisations)',
  'POST /api/v1/accommodation/operators/:id/contracts': "an operator's contract",
  'POST /api/v1/accommodation/contracts/:id/rates': "an operator's contract",
  'POST /api/v1/accommodation/facilities': 'facilities and places',
  'PUT /api/v1/accommodation/facilities/:id': 'facilities and places',
  'POST /api/v1/accommodation/facilities/:id/state': 'facilities and places',
  'POST /api/v1/accommodation/facilities/:id/rooms': 'facilities and places',
  'PUT /api/v1/accommodation/facilities/:id/places/:subId': 'facilities and places',
  'POST /api/v1/accommodation/statistics/:year/submitted': 'the federal statistics report of a year (changes no household)',
  'POST /api/v1/accommodation/billing/invoices': "an operator's invoice for a month (several households; paying for nights already stayed)",
  'POST /api/v1/accommodation/billing/invoices/import':
    "an operator's invoice for a month (several households; paying for nights already stayed)",
  'POST /api/v1/accommodation/billing/invoices/:id/check': "an operator's invoice (several households; checks nights already stayed)",
  'POST /api/v1/accommodation/billing/invoices/:id/approve': "an operator's invoice (several households; pays nights already stayed)",
  'POST /api/v1/accommodation/billing/invoices/:id/dispute': "an operator's invoice (several households; refuses to pay)",
  'PUT /api/v1/accommodation/checklist': 'the agency checklist of minimum standards',
  'POST /api/v1/accommodation/facilities/:id/inspections': 'an inspection of a facility (no household data)',
  'POST /api/v1/accommodation/inspections/:id/start': 'an inspection of a facility (no household data)',
  'PUT /api/v1/accommodation/inspections/:id/items/:subId': 'an inspection of a facility (no household data)',
  'POST /api/v1/accommodation/inspections/:id/items/:subId/photos': 'photos of a facility inspection',
  'POST /api/v1/accommodation/inspections/:id/complete': 'an inspection of a facility (findings, facility status)',
  'POST /api/v1/accommodation/inspections/:id/cancel': 'an inspection of a facility (no household data)',
  'POST /api/v1/accommodation/findings/:id/remedy': 'a finding of a facility inspection',
  'POST /api/v1/auth/totp/enrol': "the caller's own second factor",
  'POST /api/v1/auth/totp/confirm': "the caller's own second factor",
  'POST /api/v1/households': 'creates a new household (no restriction can exist yet)',
  'PUT /api/v1/me/settings': "the caller's own settings",
  'POST /api/v1/users': 'staff accounts',
  'PUT /api/v1/users/:id': 'staff accounts',
  'POST /api/v1/users/:id/password': 'staff accounts',
  'PUT /api/v1/agency/settings': 'agency settings',
  'POST /api/v1/providers': 'organisations',
  'PUT /api/v1/providers/:id': 'organisations',
  'POST /api/v1/carriers': 'organisations',
  'PUT /api/v1/carriers/:id': 'organisations',
  'POST /api/v1/offers': "a housing company's flat",
  'PUT /api/v1/offers/:id': "a housing company's flat",
  'POST /api/v1/offers/:id/submit': "the flat's workflow",
  'POST /api/v1/offers/:id/check': "the flat's workflow",
  'POST /api/v1/offers/:id/approve': "the flat's workflow",
  'POST /api/v1/offers/:id/withdraw': "the flat's workflow",
  'POST /api/v1/offers/:id/restart': "the flat's workflow",
  'POST /api/v1/offers/:id/decline': "the flat's check",
  'POST /api/v1/offers/:id/contracts': "the flat's lease step (the household's tenancy is its own route)",
  'POST /api/v1/offers/:id/rankings': 'a ranking of the pool (read-only use of households)',
  'POST /api/v1/offers/:id/attachments': 'photos of the flat',
  'DELETE /api/v1/offers/:id/attachments/:subId': 'photos of the flat',
  'POST /api/v1/offers/:id/round-tables': 'a meeting about the flat (several households)',
  'PUT /api/v1/round-tables/:id': 'a meeting about the flat (several households)',
  'POST /api/v1/round-tables/:id/cancel': 'a meeting about the flat (several households)',
  'POST /api/v1/round-tables/:id/minutes': 'a meeting about the flat (several households)',
  'POST /api/v1/programme-conditions': 'agency programme rules',
  'POST /api/v1/programme-conditions/preview': 'a preview, nothing stored',
  'POST /api/v1/prevention/matches': 'a lookup, nothing stored',
  'POST /api/v1/prevention/imports': 'a list import job (new notices; matching is reviewed per row)',
  'PUT /api/v1/prevention/imports/:id/mapping': 'a list import job',
  'POST /api/v1/prevention/imports/:id/confirm': 'a list import job',
  'PUT /api/v1/prevention/imports/:id/rows/:rowNo/household': "an import row's match decision (the row, not the household)",
  'POST /api/v1/aftercare/agreements': "a carrier's cooperation agreement",
  'PUT /api/v1/aftercare/agreements/:id': "a carrier's cooperation agreement",
  'POST /api/v1/aftercare/agreements/:id/documents': "a carrier's cooperation agreement",
  'POST /api/v1/aftercare/annual-reports': "a carrier's annual report (aggregates)",
  'PUT /api/v1/aftercare/annual-reports/:id': "a carrier's annual report (aggregates)",
  'POST /api/v1/aftercare/annual-reports/:id/submit': "a carrier's annual report (aggregates)",
  'POST /api/v1/aftercare/annual-reports/:id/return': "a carrier's annual report (aggregates)",
  'POST /api/v1/desk/reassign': 'hands work over between staff (who is responsible), no household data',
  'POST /api/v1/steering/targets': 'agency targets',
  'POST /api/v1/steering/refresh': 'materialised agency figures (counts only)',
  'PUT /api/v1/document-templates/:kind': 'letter templates',
  'DELETE /api/v1/document-templates/:kind': 'letter templates',
  'POST /api/v1/document-templates/:kind/preview': 'a preview, nothing stored',
  'POST /api/v1/notifications/:id/read': "the caller's own notifications",
  'POST /api/v1/notifications/read-all': "the caller's own notifications",
};

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How a write route is classified: bound (with its binding), exempt, not bound, or unknown (undefined). */
export function classifyWrite(method: string, url: string): { bound: Binding } | { exempt: string } | { none: string } | undefined {
  const key = `${method} ${url}`;
  if (RESTRICTION_EXEMPT[key]) return { exempt: RESTRICTION_EXEMPT[key] };
  if (NOT_HOUSEHOLD_WRITES[key]) return { none: NOT_HOUSEHOLD_WRITES[key] };
  const rule = HOUSEHOLD_WRITE_RULES.find((r) => r.url.test(url));
  return rule ? { bound: rule.binding } : undefined;
}

function subjectOf(req: FastifyRequest, b: Binding): string | undefined {
  const src = (b.from === 'param' ? req.params : req.body) as Record<string, unknown> | undefined;
  const v = src?.[b.field];
  return typeof v === 'string' ? v : undefined;
}

/** The one enforcement point: refuses writes on a restricted household's records (see the header). */
export function registerRestrictionGuard(app: FastifyInstance, db: Kysely<DB>): void {
  app.addHook('preValidation', async (req) => {
    if (!WRITE.has(req.method) || !req.ctx) return;
    // A role that may not make the change at all is refused by the service (404/403, audited), not told of a restriction.
    const access = req.routeOptions.config.access;
    if (!access || access === 'public' || !roleHas(req.ctx.actor.role, access as Permission)) return;
    const c = classifyWrite(req.method, req.routeOptions.url ?? '');
    // Unclassified routes are caught by the test; at run time they are treated as not bound.
    if (!c || !('bound' in c)) return;
    const id = subjectOf(req, c.bound);
    if (!id) return;
    const agencyId = req.ctx.actor.agencyId;
    const restricted = await inAgency(db, agencyId, async (tx) => {
      const repo = restrictionRepository(tx, agencyId);
      return repo.activeAmong(await repo.householdsOf([{ kind: c.bound.kind, id }]));
    });
    if (restricted)
      throw new AppError(
        'processing_restricted',
        'Die Verarbeitung der Daten dieses Haushalts ist eingeschränkt (Art. 18 DSGVO, § 84 SGB X): Änderungen sind erst nach Aufhebung der Einschränkung möglich.',
        { currentState: 'restricted' },
      );
  });
}
