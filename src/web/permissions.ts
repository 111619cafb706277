import type { TMe } from '../contracts/auth';

/**
 * Permission strings the UI checks (from `me.permissions`). Kept in one place so they can be
 * aligned with the server's access module.
 */
export const PERM = {
  householdList: 'household.list',
  householdCreate: 'household.create',
  userList: 'user.list',
  userCreate: 'user.create',
  userUpdate: 'user.update',
  userResetPassword: 'user.resetPassword',
  agencyRead: 'agency.read',
  agencyUpdate: 'agency.update',
  providerList: 'provider.list',
  providerCreate: 'provider.create',
  providerUpdate: 'provider.update',
  carrierList: 'carrier.list',
  carrierCreate: 'carrier.create',
  carrierUpdate: 'carrier.update',
  auditList: 'audit.list',
  auditVerify: 'audit.verify',
  conditionsRead: 'conditions.read',
  conditionsUpdate: 'conditions.update',
  consentList: 'consent.list',
  consentCreate: 'consent.create',
  consentWithdraw: 'consent.withdraw',
  tenancyList: 'tenancy.list',
  tenancyCreate: 'tenancy.create',
  tenancyRead: 'tenancy.read',
  tenancyUpdate: 'tenancy.update',
  incidentList: 'incident.list',
  incidentRead: 'incident.read',
  offerList: 'offer.list',
  offerRead: 'offer.read',
  offerCreate: 'offer.create',
  offerUpdate: 'offer.update',
  templateList: 'template.list',
  templateUpdate: 'template.update',
  deadlineList: 'deadline.list',
  deadlineListAll: 'deadline.listAll',
  notificationList: 'notification.list',
  outboxList: 'outbox.list',
  outboxRead: 'outbox.read',
  preventionImportRead: 'preventionImport.read',
  preventionImportWrite: 'preventionImport.write',
  preventionList: 'prevention.list',
  preventionRead: 'prevention.read',
  preventionCreate: 'prevention.create',
  visitList: 'prevention.visit.list',
  visitCreate: 'prevention.visit.create',
} as const;

/** `required` null = everyone signed in; an array = any of them. */
export function can(me: Pick<TMe, 'permissions'>, required: string | readonly string[] | null): boolean {
  if (required === null) return true;
  const list = typeof required === 'string' ? [required] : required;
  return list.some((p) => me.permissions.includes(p));
}

/** Enrolment of the second factor is pending: only /security is usable. */
export function needsTotpEnrolment(me: Pick<TMe, 'totpRequired' | 'totpEnabled'>): boolean {
  return me.totpRequired && !me.totpEnabled;
}
