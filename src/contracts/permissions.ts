import type { TRole } from './common.js';

const STAFF = ['case_manager', 'social_worker', 'accommodation_worker', 'lead'] as const satisfies readonly TRole[];
const ALL = [
  'case_manager',
  'social_worker',
  'accommodation_worker',
  'lead',
  'provider_user',
  'carrier_worker',
  'auditor',
  'admin',
  'steering',
  'dpo',
  'operator_user',
] as const satisfies readonly TRole[];

/**
 * The one permission registry: resource.action → roles allowed at all. The server checks it
 * (platform/access: relationship rules — which household, which provider's record — come after
 * this, in `access.ts`; every route names one entry here, or `public`); the UI shows only what
 * `me.permissions` (taken from here) allows.
 */
export const PERMISSIONS = {
  'session.me': ALL,
  'session.totp': ALL,
  /** One's own settings (e.g. the daily mail digest); nobody else's. */
  'settings.read': ALL,
  'settings.update': ALL,
  /**
   * The global search in the header. Each kind it answers applies that module's own permission and
   * scope, so a role sees there only what its lists show it; admins see no records, so no search.
   */
  'search.use': [...STAFF, 'provider_user', 'carrier_worker', 'auditor'],
  'household.list': STAFF,
  'household.read': STAFF,
  'household.create': ['case_manager', 'social_worker', 'lead'],
  'household.update': ['case_manager', 'social_worker', 'lead'],
  'household.accessLog': STAFF,
  /** The household's whole file as PDF (file-keeping, Art. 15 DSGVO requests); each part shows what the role may see. */
  'household.file': STAFF,
  /** The address and whereabouts history: read by whoever reads the household, recorded by whoever edits it. */
  'household.addresses': STAFF,
  'household.addressWrite': ['case_manager', 'social_worker', 'lead'],
  'journal.list': STAFF,
  'journal.create': STAFF,
  'staff.list': [...STAFF, 'admin'],
  'user.list': ['admin'],
  'user.create': ['admin'],
  'user.update': ['admin'],
  'user.resetPassword': ['admin'],
  'agency.read': ['admin', 'lead'],
  'agency.update': ['admin'],
  // Staff record consent to share data with a company and plan meetings with its people: they see the companies.
  'provider.list': ['admin', ...STAFF],
  'provider.create': ['admin'],
  'provider.update': ['admin'],
  'carrier.list': ['admin', 'case_manager', 'lead'],
  'carrier.create': ['admin'],
  'carrier.update': ['admin'],
  'offer.list': [...STAFF, 'provider_user'],
  'offer.read': [...STAFF, 'provider_user'],
  'offer.create': ['case_manager', 'lead', 'provider_user'],
  'offer.update': ['case_manager', 'lead', 'provider_user'],
  'offer.submit': ['case_manager', 'lead', 'provider_user'],
  'offer.withdraw': ['case_manager', 'lead', 'provider_user'],
  'offer.check': ['case_manager', 'lead'],
  'offer.decide': ['case_manager', 'lead'],
  'offer.restart': ['case_manager', 'lead'],
  'offer.attach': ['case_manager', 'lead', 'provider_user'],
  'offer.contracts': ['case_manager', 'lead'],
  'ranking.create': ['case_manager', 'social_worker', 'lead'],
  'ranking.read': ['case_manager', 'social_worker', 'lead'],
  'candidate.list': [...STAFF, 'provider_user'],
  'candidate.pick': ['case_manager', 'social_worker', 'lead'],
  'candidate.withdraw': ['case_manager', 'social_worker', 'lead'],
  'candidate.present': ['case_manager', 'lead'],
  'candidate.decision': ['case_manager', 'social_worker', 'lead'],
  'candidate.talk': ['case_manager', 'social_worker', 'lead'],
  'candidate.veto': ['provider_user'],
  'candidate.allocate': ['case_manager', 'lead'],
  'roundTable.read': [...STAFF, 'provider_user'],
  'roundTable.manage': ['case_manager', 'lead'],
  'viewing.manage': ['case_manager', 'social_worker', 'lead'],
  'conditions.read': [...STAFF, 'admin'],
  'conditions.update': ['admin'],
  'consent.list': ['case_manager', 'social_worker', 'lead'],
  'consent.create': ['case_manager', 'social_worker', 'lead'],
  'consent.withdraw': ['case_manager', 'social_worker', 'lead'],
  'tenancy.list': [...STAFF, 'provider_user'],
  'tenancy.read': [...STAFF, 'provider_user'],
  'tenancy.create': ['case_manager', 'lead'],
  'tenancy.update': ['case_manager', 'lead'],
  'tenancy.end': ['case_manager', 'lead'],
  'tenancy.review': ['case_manager', 'social_worker', 'lead'],
  /** Instalment agreements and payments on the claim assigned to the office. */
  'recovery.record': ['case_manager', 'social_worker', 'lead'],
  // Incidents (rent default, conflict): which ones a role sees is a relationship rule in access.ts.
  'incident.list': ['case_manager', 'social_worker', 'lead', 'provider_user'],
  'incident.read': ['case_manager', 'social_worker', 'lead', 'provider_user'],
  'incident.report': ['case_manager', 'social_worker', 'lead', 'provider_user'],
  'incident.forward': ['case_manager', 'lead'],
  'incident.clarify': ['social_worker', 'case_manager', 'lead'],
  'incident.informProvider': ['case_manager', 'lead'],
  'incident.decide': ['provider_user', 'case_manager', 'lead'],
  'incident.warning': ['provider_user', 'case_manager', 'lead'],
  'incident.payout': ['case_manager', 'lead'],
  'incident.terminate': ['case_manager', 'lead'],
  'incident.cancel': ['case_manager', 'lead'],
  'audit.list': ['auditor', 'dpo'],
  'audit.verify': ['auditor'],
  'deadline.list': STAFF,
  /** See every open deadline of the agency, not only one's own. */
  'deadline.listAll': ['lead'],
  /** The start page: each part shows only what the role may see (every module applies its own scope). */
  'desk.read': ALL,
  /** A person's open work and the team's figures, to hand work over (absence, leaving staff). */
  'work.list': ['lead'],
  'work.reassign': ['lead'],
  'notification.list': ALL,
  'notification.read': ALL,
  'outbox.list': ['admin'],
  'outbox.read': ['admin'],
  'template.list': ['admin', 'lead'],
  'template.update': ['admin'],
  'prevention.list': ['case_manager', 'social_worker', 'lead', 'auditor'],
  'prevention.read': ['case_manager', 'social_worker', 'lead', 'auditor'],
  'prevention.create': ['case_manager', 'social_worker', 'lead'],
  'prevention.match': ['case_manager', 'social_worker', 'lead'],
  'prevention.update': ['case_manager', 'social_worker', 'lead'],
  'prevention.assign': ['case_manager', 'lead'],
  /** Decide a rent-debt assumption, commit money to a landlord or court in writing. */
  'prevention.decide': ['case_manager', 'lead'],
  'prevention.close': ['case_manager', 'social_worker', 'lead'],
  'prevention.handover': ['case_manager', 'lead'],
  'prevention.reopen': ['lead'],
  'prevention.visit.list': ['case_manager', 'social_worker', 'lead', 'auditor'],
  'prevention.visit.create': ['case_manager', 'social_worker', 'lead'],
  'prevention.visit.update': ['case_manager', 'social_worker', 'lead'],
  // List import of notices: matching shows households of the whole agency, so only roles that see all of them.
  'preventionImport.read': ['case_manager', 'lead'],
  'preventionImport.write': ['case_manager', 'lead'],
  // Aftercare (Wohnintegrationshilfe). Which cases a role sees is `aftercareScope` in access.ts: the
  // Fachstelle all of them, a carrier only its own consented cases; housing companies nothing.
  'aftercare.agreement.list': ['case_manager', 'social_worker', 'lead', 'carrier_worker'],
  'aftercare.agreement.manage': ['case_manager', 'lead'],
  'aftercare.list': ['case_manager', 'social_worker', 'lead', 'carrier_worker'],
  'aftercare.read': ['case_manager', 'social_worker', 'lead', 'carrier_worker'],
  /** Record a referral (any source); the Fachstelle selects the cases. */
  'aftercare.refer': ['case_manager', 'social_worker', 'lead'],
  /** Check for comparable help, grant, refuse, extend and end: the Fachstelle is the responsible body. */
  'aftercare.decide': ['case_manager', 'social_worker', 'lead'],
  /** Record or withdraw the household's consent to the transfer to the carrier (§ 67b SGB X). */
  'aftercare.consent': ['case_manager', 'social_worker', 'lead'],
  /** Assign the carrier's worker and set the visit rhythm (carrier: its lead only, checked in the service). */
  'aftercare.assign': ['case_manager', 'social_worker', 'lead', 'carrier_worker'],
  /** Help plan goals and their reviews. */
  'aftercare.plan': ['case_manager', 'social_worker', 'lead', 'carrier_worker'],
  /** Document a home visit: the carrier performs them. */
  'aftercare.visit': ['carrier_worker'],
  /** Referrals to other help and mediation contacts. */
  'aftercare.support': ['case_manager', 'social_worker', 'lead', 'carrier_worker'],
  'aftercare.followUp': ['case_manager', 'social_worker', 'lead'],
  /** The carrier's start page: visits due, overdue, cases ending soon. */
  'aftercare.queue': ['carrier_worker'],
  /** The log of data passed to the carrier. */
  'aftercare.transfers': ['case_manager', 'social_worker', 'lead'],
  /** Quarterly figures and the annual report data (a carrier only its own). */
  'aftercare.report': ['case_manager', 'lead', 'carrier_worker'],
  /** Open the carrier's annual report and write its narrative (any worker of the carrier). */
  'aftercare.annualReport.write': ['carrier_worker'],
  /** Submit the annual report to the Fachstelle: the carrier's lead only (checked in the service). */
  'aftercare.annualReport.submit': ['carrier_worker'],
  /** Return a submitted annual report to the carrier with a reason (the Fachstelle that receives it). */
  'aftercare.annualReport.return': ['case_manager', 'lead'],
  /**
   * The steering dashboard ("Berichte"): the agency's key figures (aggregates, no records) and its
   * minimum and target values. Office staff who work the cases see how the office does; the auditor
   * (data protection, revision) and admin have no steering task, carriers and companies are outside.
   */
  'steering.figures': ['case_manager', 'social_worker', 'lead'],
  /** Set a new version of a figure's minimum and target value: the lead steers the office. */
  'steering.targets.write': ['lead'],
  /**
   * City-wide steering: the member agencies of the steering body's target agreements side by side
   * and the city total, aggregates only and with small cells suppressed. The steering body's users
   * have no other permission beyond their own session, settings and notifications.
   */
  'steering.city': ['steering'],
  /** The city average of the member agencies beside the agency's own figures (suppressed as well). */
  'steering.cityAverage': ['case_manager', 'social_worker', 'lead'],
  /** Open cases and overdue deadlines per person and programme: the lead distributes the work. */
  'steering.workload': ['lead'],
  /** The dashboard as XLSX/PDF and the anonymised annual report (counts only): whoever sees the dashboard. */
  'steering.export': ['case_manager', 'social_worker', 'lead'],
  /**
   * The cases behind a figure (drill-down): a read of personal data, so only the agency's own
   * office staff who may work those cases — never the (city-wide) steering role.
   */
  'steering.cases': ['case_manager', 'social_worker', 'lead'],
  /**
   * Access requests of data subjects (Art. 15 DSGVO, § 83 SGB X): the office's case managers and lead
   * (who see every household) record and answer them; the data-protection officer follows them, without
   * their content (the export).
   */
  'privacy.request.list': ['case_manager', 'lead', 'dpo'],
  'privacy.request.read': ['case_manager', 'lead', 'dpo'],
  'privacy.request.create': ['case_manager', 'lead'],
  'privacy.request.step': ['case_manager', 'lead'],
  'privacy.request.export': ['case_manager', 'lead'],
  /** The data-protection officer's logs: every transfer to a recipient and every consent of the agency. */
  'privacy.transfers': ['dpo'],
  'privacy.consents': ['dpo'],
  /** The records of processing (Art. 30 DSGVO) as PDF. */
  'privacy.processing': ['dpo', 'lead', 'admin'],
  /** Retention (issue 18): the lead sees the households due for anonymisation and confirms or keeps them. */
  'retention.list': ['lead'],
  'retention.decide': ['lead'],
  /** The daily retention runs (listed, confirmed by whom, anonymised, files deleted, audit events pseudonymised): read-only. */
  'retention.runs': ['dpo', 'lead'],
  /** Restriction of processing (Art. 18 DSGVO): seen by whoever reads the household, set and lifted by the lead and case managers. */
  'restriction.read': STAFF,
  'restriction.write': ['case_manager', 'lead'],
  /** Consents about to expire, withdrawn, and transfers refused for want of one. */
  'consent.report': ['case_manager', 'lead'],
  /**
   * Accommodation (Unterbringung): the office staff read operators, facilities and places and search
   * places for a household; the accommodation team (and the lead) keeps operators, contracts, rates,
   * facilities and places. Stays are client data: each is read and changed through the household's
   * scope, so a social worker sees only the stays of their own households.
   */
  'accommodation.read': STAFF,
  'accommodation.manage': ['accommodation_worker', 'lead'],
  'accommodation.search': STAFF,
  'accommodation.stays': STAFF,
  'accommodation.assign': STAFF,
  'accommodation.move': STAFF,
  /** The federal statistics (WoBerichtsG): the accommodation team and the lead check and export; the lead marks it submitted. */
  'accommodation.statistics': ['accommodation_worker', 'lead'],
  'accommodation.statistics_submit': ['lead'],
  /**
   * The operator portal: a shelter operator's user sees only its own facilities' occupancy and, per
   * person placed there, the minimum data to receive them; it confirms move-in and move-out and
   * reports incidents, which the office staff read on the assignment. Never the case file.
   */
  'accommodation.portal': ['operator_user'],
  'accommodation.portalMove': ['operator_user'],
  'accommodation.portalIncident': ['operator_user'],
  'accommodation.incidents': STAFF,
  /**
   * Billing to the day (issue 16): the accommodation team and the lead enter, import, check, approve
   * or dispute operators' invoices; the auditor reads the computation, the invoices and the export.
   */
  'accommodation.billing': ['accommodation_worker', 'lead'],
  'accommodation.billing.read': ['accommodation_worker', 'lead', 'auditor'],
  /** Inspections (Begehungen) of facilities: plan, carry out, record findings and their remedy. */
  'accommodation.inspect': ['accommodation_worker', 'lead'],
  /** The agency's checklist of minimum standards (a change is a new version). */
  'accommodation.checklist': ['lead'],
} as const satisfies Record<string, readonly TRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function roleHas(role: TRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly TRole[]).includes(role);
}

export function permissionsOf(role: TRole): Permission[] {
  return PERMISSION_NAMES.filter((p) => roleHas(role, p));
}
