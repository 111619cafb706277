import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/types.js';
import { AccessDenied } from '../errors/app-error.js';
import type { Actor } from '../http/context.js';
import { roleHas, type Permission } from './registry.js';

/**
 * First line of every service method: may this role do this at all? Throws `AccessDenied`
 * (rendered 403, or 404 when a record is named) and the denial is audited after the rollback.
 */
export function require(actor: Actor, permission: Permission, entity: { type: string; id: string } | null = null): void {
  if (!roleHas(actor.role, permission)) throw new AccessDenied(permission, entity);
}

/**
 * Which households an actor may see, declared once as a predicate on `households`: it answers both
 * "which may this actor list" (`.where(householdScope(actor))`) and "may this actor see this one"
 * (the same predicate with the id, see `visibleHousehold` in the households service).
 */
export function householdScope(actor: Actor): (eb: ExpressionBuilder<DB, 'households'>) => Expression<SqlBool> {
  switch (actor.role) {
    case 'case_manager':
    case 'lead':
      return (eb) => eb.lit(true);
    case 'social_worker':
      return (eb) => eb('households.social_worker_id', '=', actor.userId);
    case 'accommodation_worker':
      return (eb) => eb('households.situation', '=', 'in_accommodation');
    default:
      return (eb) => eb.lit(false);
  }
}

/** Relationship check for one household read through `householdScope`; missing or hidden is the same 404. */
export function requireHousehold<T>(actor: Actor, permission: Permission, visible: T | undefined, id: string): T {
  return requireVisible(actor, permission, visible, { type: 'household', id });
}

/** The actions on a household (read through `householdScope`) the actor may take next, so the UI shows only working buttons. */
export function householdActions(actor: Actor): string[] {
  const actions: string[] = [];
  if (roleHas(actor.role, 'household.update')) actions.push('update');
  if (roleHas(actor.role, 'journal.create')) actions.push('journal.create');
  if (roleHas(actor.role, 'household.accessLog')) actions.push('accessLog');
  if (roleHas(actor.role, 'household.file')) actions.push('file');
  if (roleHas(actor.role, 'household.addressWrite')) actions.push('address.write');
  return actions;
}

const OFFICE_ROLES: readonly string[] = ['case_manager', 'social_worker', 'accommodation_worker', 'lead'];

/**
 * Which offers and tenancies an actor may see, declared once: office staff all of the agency's, a
 * housing company only its own. `providerColumn` names the column holding the housing company in
 * the query it filters (e.g. `offers.provider_id`, `t.provider_id`); used both to list and, with the
 * record's id, to read one (a hidden record is then simply not found).
 */
export function providerScope(actor: Actor, providerColumn: string): RawBuilder<SqlBool> {
  if (OFFICE_ROLES.includes(actor.role)) return sql<SqlBool>`true`;
  if (actor.role === 'provider_user' && actor.providerId) return sql<SqlBool>`${sql.ref(providerColumn)} = ${actor.providerId}`;
  return sql<SqlBool>`false`;
}

/** Whether the actor sees records as a housing company does (only the allow-listed parts). */
export const isProviderView = (actor: Actor): boolean => actor.role === 'provider_user';

/**
 * Who stands in the sustainment relationship to a tenancy and so sees its incidents (rent default,
 * conflict) and acts on them, declared once: leads all of the agency, a case manager the tenancies
 * they are the fixed contact person of, a social worker those of the tenancies or households they
 * look after, a housing company those of its own. A condition over `t` (tenancies) and `h`
 * (households); `providerColumn` is the incident's company (`i.provider_id`) or the tenancy's.
 */
export function incidentScope(actor: Actor, providerColumn: 'i.provider_id' | 't.provider_id' = 'i.provider_id'): RawBuilder<SqlBool> {
  switch (actor.role) {
    case 'lead':
      return sql<SqlBool>`true`;
    case 'case_manager':
      return sql<SqlBool>`t.contact_person_id = ${actor.userId}`;
    case 'social_worker':
      return sql<SqlBool>`(t.social_worker_id = ${actor.userId} OR h.social_worker_id = ${actor.userId})`;
    case 'provider_user':
      return actor.providerId ? sql<SqlBool>`${sql.ref(providerColumn)} = ${actor.providerId}` : sql<SqlBool>`false`;
    default:
      return sql<SqlBool>`false`;
  }
}

/** Relationship check for one record read through its scope: missing or hidden is the same 404. */
export function requireVisible<T>(actor: Actor, permission: Permission, visible: T | undefined, entity: { type: string; id: string }): T {
  require(actor, permission, entity);
  if (!visible) throw new AccessDenied(permission, entity);
  return visible;
}

const AFTERCARE_OFFICE_ROLES: readonly string[] = ['case_manager', 'social_worker', 'lead'];

/**
 * Which aftercare cases an actor may see, declared once as a condition on the case alias `ac`
 * (`aftercare_cases as ac`), used both to list and, with the id, to read one:
 * - the Fachstelle (case manager, social worker, lead): every case of the agency;
 * - a carrier worker: only cases of its own carrier, only while the household's consent to the
 *   transfer (§ 67b SGB X) stands (`ac.consent_id`, cleared on withdrawal, so the next request is a
 *   404), only once granted, and only those assigned to them — unless they are the carrier's lead
 *   (`users.carrier_lead`), who sees all of the carrier's consented cases;
 * - everyone else (housing companies, accommodation workers, auditors, admins): nothing.
 */
export function aftercareScope(actor: Actor): RawBuilder<SqlBool> {
  if (AFTERCARE_OFFICE_ROLES.includes(actor.role)) return sql<SqlBool>`true`;
  if (actor.role === 'carrier_worker' && actor.carrierId) {
    return sql<SqlBool>`(ac.carrier_id = ${actor.carrierId} AND ac.consent_id IS NOT NULL AND ac.state IN ('granted','active','ended')
      AND (ac.carrier_worker_id = ${actor.userId}
           OR EXISTS (SELECT 1 FROM users lead_u WHERE lead_u.id = ${actor.userId} AND lead_u.carrier_lead AND lead_u.carrier_id = ac.carrier_id)))`;
  }
  return sql<SqlBool>`false`;
}

/**
 * Which annual reports of the carriers an actor may see, declared once as a condition on the report
 * alias `r` (`aftercare_annual_reports as r`), used to list and to read one: the Fachstelle every
 * carrier's, a carrier worker only its own carrier's (the report is anonymised; its whole team may
 * draft it), everyone else nothing.
 */
export function annualReportScope(actor: Actor): RawBuilder<SqlBool> {
  if (AFTERCARE_OFFICE_ROLES.includes(actor.role)) return sql<SqlBool>`true`;
  if (actor.role === 'carrier_worker' && actor.carrierId) return sql<SqlBool>`r.carrier_id = ${actor.carrierId}`;
  return sql<SqlBool>`false`;
}

/** Whether the actor sees aftercare cases as the carrier does (only the allow-listed fields, transfers logged). */
export const isCarrierView = (actor: Actor): boolean => actor.role === 'carrier_worker';

/**
 * Which facilities (and so which assignments and stays) an operator's user sees, declared once as a
 * condition on a facility's operator column (e.g. `f.operator_id`): only those of the operator its
 * account is bound to (`users.operator_id`); every other role nothing. Used to list and, with the
 * record's id, to read or move one (a hidden record is simply not found).
 */
export function operatorScope(actor: Actor, operatorColumn: string): RawBuilder<SqlBool> {
  if (actor.role !== 'operator_user') return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(operatorColumn)} = (SELECT ou.operator_id FROM users ou WHERE ou.id = ${actor.userId} AND ou.role = 'operator_user' AND ou.active)`;
}
