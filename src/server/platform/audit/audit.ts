import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import type { Ctx } from '../http/context.js';
import {
  auditInsertForCreated,
  type AuditSubject,
  bulkWriteLockHeld,
  insertInstallationEvent,
  sendAuditRow,
  takeBulkWriteLock,
} from './audit.repository.js';

/**
 * Every kind of audit event and the entity it is about. An event is one of these, nothing else:
 * adding a kind is adding a line here.
 */
export const AUDIT_KINDS = {
  'auth.login': 'user',
  'auth.logout': 'user',
  'auth.totp_enrolled': 'user',
  /** Single sign-on (OpenID Connect): account known, linked or provisioned, the role the claims gave; or why refused. */
  'auth.sso_login': 'user',
  /** The IdP ended the user's session(s) by back-channel logout: how many of ours ended. */
  'auth.sso_backchannel_logout': 'user',
  'access.denied': null,
  'household.list': null,
  /** A list exported as CSV or XLSX: which list, format, filters, row count (platform/export). */
  'list.export': null,
  /** The global search: the query's length and reading, results per kind; the text only when it is a file number. */
  'search.run': null,
  'household.read': 'household',
  'household.create': 'household',
  'household.update': 'household',
  'household.access_log': 'household',
  /** The household record's programme overview: how many cases each module showed. */
  'household.programmes': 'household',
  /** The household's file as PDF: language and how many entries each section held. */
  'household.file': 'household',
  'household.addresses': 'household',
  'household.address_add': 'household',
  'household.address_correct': 'household',
  'journal.list': 'household',
  'journal.create': 'household',
  'user.list': null,
  'user.create': 'user',
  'user.update': 'user',
  'user.password_reset': 'user',
  'user.sessions_ended': 'user',
  'user.settings_update': 'user',
  'agency.read': 'agency',
  'agency.settings_update': 'agency',
  'provider.create': 'housing_provider',
  'provider.update': 'housing_provider',
  'carrier.create': 'carrier',
  'carrier.update': 'carrier',
  'offer.list': null,
  'offer.read': 'offer',
  'offer.timeline': 'offer',
  'offer.create': 'offer',
  'offer.update': 'offer',
  'offer.transition': 'offer',
  'offer.check': 'offer',
  'offer.attachment': 'offer',
  'offer.document': 'offer',
  'conditions.create': 'programme_conditions',
  'ranking.create': 'offer',
  'ranking.read': 'offer',
  'candidate.list': 'offer',
  'candidate.pick': 'candidate',
  'candidate.transition': 'candidate',
  'candidate.disclosed': 'candidate',
  'candidate.talk': 'candidate',
  'consent.list': 'household',
  'consent.create': 'household',
  'consent.withdraw': 'household',
  'round_table.list': 'offer',
  'round_table.schedule': 'offer',
  'round_table.update': 'offer',
  'round_table.cancel': 'offer',
  'round_table.minutes': 'offer',
  'viewing.schedule': 'candidate',
  'viewing.update': 'candidate',
  'viewing.cancel': 'candidate',
  'viewing.outcome': 'candidate',
  'tenancy.create': 'tenancy',
  'tenancy.read': 'tenancy',
  'tenancy.list': null,
  'tenancy.update': 'tenancy',
  'tenancy.end': 'tenancy',
  'tenancy.closing_review': 'tenancy',
  'tenancy.document': 'tenancy',
  'recovery.agreement': 'tenancy',
  'recovery.payment': 'tenancy',
  'incident.list': null,
  'incident.read': 'incident',
  'incident.report': 'incident',
  'incident.transition': 'incident',
  'incident.contact': 'incident',
  'incident.warning': 'incident',
  'incident.payout': 'incident',
  'incident.document': 'incident',
  'household.follow_up': 'household',
  'audit.list': null,
  'audit.verify': null,
  'deadline.list': null,
  'deadline.reminded': 'deadline',
  'deadline.alerted': 'deadline',
  'outbox.list': null,
  'notification.list': null,
  'notification.digest_sent': 'user',
  'outbox.read': 'outbox_mail',
  'template.update': 'document_template',
  'prevention.list': null,
  'prevention.read': 'prevention_case',
  'prevention.create': 'prevention_case',
  'prevention.update': 'prevention_case',
  'prevention.notice_added': 'prevention_case',
  'prevention.assign': 'prevention_case',
  'prevention.transition': 'prevention_case',
  'prevention.attempt': 'prevention_case',
  'prevention.clearing': 'prevention_case',
  'prevention.measure': 'prevention_case',
  'prevention.referral': 'prevention_case',
  'prevention.document': 'prevention_case',
  'prevention.close': 'prevention_case',
  'prevention.aftercare': 'prevention_case',
  'prevention.reopen': 'prevention_case',
  'prevention.match': null,
  'prevention.visit_list': null,
  'prevention.visit_create': 'prevention_visit',
  'prevention.visit_update': 'prevention_visit',
  'prevention_import.list': null,
  'prevention_import.upload': 'prevention_import',
  'prevention_import.read': 'prevention_import',
  'prevention_import.map': 'prevention_import',
  'prevention_import.decide': 'prevention_import',
  'prevention_import.confirm': 'prevention_import',
  'prevention_import.done': 'prevention_import',
  'prevention_import.failed': 'prevention_import',
  'prevention_import.report': 'prevention_import',
  'aftercare.agreement_list': null,
  'aftercare.agreement_create': 'aftercare_agreement',
  'aftercare.agreement_update': 'aftercare_agreement',
  'aftercare.agreement_document': 'aftercare_agreement',
  'aftercare.list': null,
  'aftercare.read': 'aftercare_case',
  'aftercare.refer': 'aftercare_case',
  'aftercare.transition': 'aftercare_case',
  'aftercare.extend': 'aftercare_case',
  'aftercare.assign': 'aftercare_case',
  'aftercare.consent': 'aftercare_case',
  'aftercare.consent_withdraw': 'aftercare_case',
  'aftercare.goal': 'aftercare_case',
  'aftercare.visit': 'aftercare_case',
  'aftercare.early_warning': 'aftercare_case',
  'aftercare.referral': 'aftercare_case',
  'aftercare.contact': 'aftercare_case',
  'aftercare.follow_up': 'aftercare_case',
  'aftercare.document': 'aftercare_case',
  'aftercare.transfers': 'aftercare_case',
  'aftercare.workers': 'aftercare_case',
  'aftercare.queue': null,
  'aftercare.report': null,
  'aftercare.report_download': null,
  'aftercare.annual_report_list': null,
  'aftercare.annual_report_read': 'aftercare_annual_report',
  'aftercare.annual_report_open': 'aftercare_annual_report',
  'aftercare.annual_report_edit': 'aftercare_annual_report',
  'aftercare.annual_report_submit': 'aftercare_annual_report',
  'aftercare.annual_report_return': 'aftercare_annual_report',
  'aftercare.annual_report_download': 'aftercare_annual_report',
  'desk.read': null,
  'steering.figures': null,
  'steering.targets': null,
  /** "Neu berechnen": the figures and breakdowns of a period computed and stored at once. */
  'steering.refresh': null,
  'steering.target_set': 'steering_target',
  /** The city-wide comparison read by a steering body (agreement, period, member count; aggregates only). */
  'steering.city': 'target_agreement',
  /** The city average beside the agency's own figures (agreement, period). */
  'steering.city_average': 'target_agreement',
  'steering.breakdowns': null,
  'steering.workload': null,
  'steering.export': null,
  'steering.cases': null,
  'work.list': null,
  'accommodation.operator_list': null,
  'accommodation.operator_read': 'accommodation_operator',
  'accommodation.operator_create': 'accommodation_operator',
  'accommodation.operator_update': 'accommodation_operator',
  'accommodation.contact_add': 'accommodation_operator',
  'accommodation.contract_create': 'accommodation_contract',
  'accommodation.rate_add': 'accommodation_contract',
  'accommodation.facility_list': null,
  'accommodation.facility_read': 'accommodation_facility',
  'accommodation.facility_create': 'accommodation_facility',
  'accommodation.facility_update': 'accommodation_facility',
  'accommodation.facility_state': 'accommodation_facility',
  'accommodation.room_create': 'accommodation_facility',
  'accommodation.place_block': 'accommodation_facility',
  'accommodation.place_search': 'household',
  'accommodation.stay_list': null,
  'accommodation.assignment_read': 'accommodation_assignment',
  'accommodation.assign': 'accommodation_assignment',
  'accommodation.move_in': 'accommodation_assignment',
  'accommodation.move_out': 'accommodation_assignment',
  'accommodation.cancel': 'accommodation_assignment',
  'accommodation.document_read': 'accommodation_assignment',
  'accommodation.statistics_read': null,
  'accommodation.statistics_export': null,
  'accommodation.statistics_open': 'accommodation_statistics_report',
  'accommodation.statistics_submit': 'accommodation_statistics_report',
  'accommodation.portal_read': null,
  'accommodation.incident_report': 'accommodation_assignment',
  'accommodation.incident_list': 'accommodation_assignment',
  /** The occupancy board (issue 16): on a day, the monthly trend, the length of stay (aggregates, no case). */
  'accommodation.occupancy_read': null,
  'accommodation.occupancy_trend_read': null,
  'accommodation.stay_lengths_read': null,
  /** Billing to the day: the month of all operators, one operator's month, invoices and their steps, the finance export. */
  'accommodation.billing_overview': null,
  'accommodation.billing_read': 'accommodation_operator',
  'accommodation.billing_export': null,
  'accommodation.invoice_create': 'accommodation_invoice',
  'accommodation.invoice_read': 'accommodation_invoice',
  'accommodation.invoice_step': 'accommodation_invoice',
  'accommodation.checklist_read': null,
  'accommodation.checklist_update': 'accommodation_checklist',
  'accommodation.inspection_list': 'accommodation_facility',
  'accommodation.inspection_read': 'accommodation_inspection',
  'accommodation.inspection_plan': 'accommodation_inspection',
  'accommodation.inspection_start': 'accommodation_inspection',
  'accommodation.inspection_result': 'accommodation_inspection',
  'accommodation.inspection_photo': 'accommodation_inspection',
  'accommodation.inspection_complete': 'accommodation_inspection',
  'accommodation.inspection_cancel': 'accommodation_inspection',
  'accommodation.inspection_report': 'accommodation_inspection',
  'accommodation.finding_remedy': 'accommodation_finding',
  /** One event per item handed over; the entity type is the item's (deadline, prevention_case, offer, tenancy). */
  'work.reassign': null,
  /** Access requests (Art. 15 DSGVO): recorded, listed, read, a step taken, the export produced and downloaded. */
  'privacy.request_create': 'privacy_request',
  'privacy.request_list': null,
  'privacy.request_read': 'privacy_request',
  'privacy.request_step': 'privacy_request',
  'privacy.request_produce': 'privacy_request',
  'privacy.request_export': 'privacy_request',
  /** The data-protection officer's views: the transfer log, the consents, the records of processing. */
  'privacy.transfer_log': null,
  'privacy.consent_log': null,
  'privacy.processing_records': null,
  /** Retention (issue 18): the daily pass listed a household whose retention ran out (no actor). */
  'retention.listed': 'household',
  'retention.list': null,
  /** The lead confirmed: the household's personal data was removed (documents deleted: count). */
  'retention.anonymised': 'household',
  'retention.kept': 'household',
  /** The retention runs read (DPO page): how many runs shown. */
  'retention.runs': null,
  /** Restriction of processing (Art. 18 DSGVO). */
  'restriction.read': 'household',
  'restriction.set': 'household',
  'restriction.lift': 'household',
  'consent.report': null,
  /** A transfer refused for want of a valid consent (withdrawn, expired, missing). */
  'consent.refused': 'household',
} as const;

export type AuditAction = keyof typeof AUDIT_KINDS;
export type AuditOutcome = 'success' | 'denied' | 'failure';

export type AuditEvent = {
  [A in AuditAction]: {
    action: A;
    entityId?: (typeof AUDIT_KINDS)[A] extends null ? string | null : string;
    outcome?: AuditOutcome;
    details?: Record<string, unknown>;
  };
}[AuditAction];

export type { AuditSubject };

export const subjectOf = (ctx: Ctx): AuditSubject => ({
  agencyId: ctx.actor.agencyId,
  actorId: ctx.actor.userId,
  actorRole: ctx.actor.role,
  ip: ctx.ip,
  purpose: ctx.purpose,
});

/**
 * The one audit writer: appends an event in the caller's transaction, so it commits or rolls back
 * with the change. The row is sent without waiting for its answer and leaves with the next statement
 * or COMMIT (a failed insert fails the transaction); a sealer later numbers the rows and links each
 * to the agency's previous event by hash.
 */
export function recordAudit(tx: Tx, who: AuditSubject, ev: AuditEvent & { entityType?: string }): void {
  sendAuditRow(tx, auditRow(who, ev));
}

/**
 * The set-based variant of `recordAudit`, for bulk writes: an INSERT of one event per row of the
 * statement's `created` CTE (column `id`), with the same columns `auditRow` gives; used as the last
 * part of the statement that creates the records, so the events are written with them.
 */
export function auditEachCreated(who: AuditSubject, action: 'household.create' | 'prevention.create', details: RawBuilder<unknown>) {
  return auditInsertForCreated(who, action, AUDIT_KINDS[action], details);
}

/** Events that belong to no agency: a login with an e-mail address that no account has. */
export interface InstallationAuditEvent {
  action: 'auth.login' | 'auth.sso_login';
  outcome: AuditOutcome;
  ip: string | null;
  details: Record<string, unknown>;
}

/**
 * The writer for events without an agency (before an agency is known, and none will be): they go to
 * the installation's own append-only table (the app role may only insert), never into an agency's chain.
 */
export async function recordInstallationAudit(db: Kysely<DB>, ev: InstallationAuditEvent): Promise<void> {
  await insertInstallationEvent(db, { action: ev.action, outcome: ev.outcome, ip: ev.ip, details: JSON.stringify(ev.details) });
}

/** The stored form of an event: what `recordAudit` inserts. */
export function auditRow(who: AuditSubject, ev: AuditEvent & { entityType?: string }) {
  return {
    agency_id: who.agencyId,
    actor_id: who.actorId,
    actor_role: who.actorRole,
    action: ev.action,
    entity_type: ev.entityType ?? AUDIT_KINDS[ev.action] ?? null,
    entity_id: ev.entityId ?? null,
    purpose: who.purpose,
    outcome: ev.outcome ?? 'success',
    ip: who.ip,
    details: ev.details ? JSON.stringify(ev.details) : null,
  };
}
export type AuditRow = ReturnType<typeof auditRow>;

export const audit = (tx: Tx, ctx: Ctx, ev: AuditEvent) => recordAudit(tx, subjectOf(ctx), ev);

/**
 * Called in a bulk writer's transaction (a chunk of a list import): until it ends, the background
 * sealer waits (up to a minute, see seal.job.ts), so sealing does not compete for the CPU
 * with the writing and afterwards seals the whole burst in one pass. Events are written in their
 * own transactions as always; only their numbering into the chain comes later.
 */
export async function holdOffSealing(tx: Tx): Promise<void> {
  await takeBulkWriteLock(tx);
}

/** Whether some transaction holds off sealing right now (taken and released at once when not). */
export async function bulkWriteInProgress(db: Kysely<DB>): Promise<boolean> {
  return bulkWriteLockHeld(db);
}
