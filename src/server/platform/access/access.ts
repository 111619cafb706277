import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
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
  require(actor, permission, { type: 'household', id });
  if (!visible) throw new AccessDenied(permission, { type: 'household', id });
  return visible;
}

/** The actions on a household (read through `householdScope`) the actor may take next, so the UI shows only working buttons. */
export function householdActions(actor: Actor): string[] {
  const actions: string[] = [];
  if (roleHas(actor.role, 'household.update')) actions.push('update');
  if (roleHas(actor.role, 'journal.create')) actions.push('journal.create');
  if (roleHas(actor.role, 'household.accessLog')) actions.push('accessLog');
  return actions;
}

/** Which offers an actor may see: office staff all of the agency's, a housing company only its own. */
export type OfferScope = { kind: 'all' } | { kind: 'provider'; providerId: string } | { kind: 'none' };

export function offerScope(actor: Actor): OfferScope {
  if (['case_manager', 'social_worker', 'accommodation_worker', 'lead'].includes(actor.role)) return { kind: 'all' };
  if (actor.role === 'provider_user' && actor.providerId) return { kind: 'provider', providerId: actor.providerId };
  return { kind: 'none' };
}

/** Relationship check for one offer (or a record of it, such as a tenancy); hidden is the same 404 as missing. */
export function requireProviderRecord<T extends { provider_id: string }>(actor: Actor, permission: Permission, row: T | undefined, entity: { type: string; id: string }): T {
  require(actor, permission, entity);
  const scope = offerScope(actor);
  if (!row || scope.kind === 'none' || (scope.kind === 'provider' && row.provider_id !== scope.providerId)) throw new AccessDenied(permission, entity);
  return row;
}

/**
 * Which incidents (rent default, conflict) an actor may see: leads all of the agency, a case manager
 * those of the tenancies they are the fixed contact person of, a social worker those of the tenancies
 * or households they look after, a housing company those of its own tenancies.
 */
export type IncidentScope =
  | { kind: 'all' }
  | { kind: 'contactPerson'; userId: string }
  | { kind: 'socialWorker'; userId: string }
  | { kind: 'provider'; providerId: string }
  | { kind: 'none' };

export function incidentScope(actor: Actor): IncidentScope {
  switch (actor.role) {
    case 'lead':
      return { kind: 'all' };
    case 'case_manager':
      return { kind: 'contactPerson', userId: actor.userId };
    case 'social_worker':
      return { kind: 'socialWorker', userId: actor.userId };
    case 'provider_user':
      return actor.providerId ? { kind: 'provider', providerId: actor.providerId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

interface IncidentFacts {
  provider_id: string;
  contact_person_id: string | null;
  social_worker_id: string | null;
  household_social_worker_id: string | null;
}

export function incidentVisible(actor: Actor, i: IncidentFacts): boolean {
  const scope = incidentScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'contactPerson':
      return i.contact_person_id === scope.userId;
    case 'socialWorker':
      return i.social_worker_id === scope.userId || i.household_social_worker_id === scope.userId;
    case 'provider':
      return i.provider_id === scope.providerId;
    case 'none':
      return false;
  }
}

/** Relationship check for one incident (or a tenancy's incidents); hidden is the same 404 as missing. */
export function requireIncident<T extends IncidentFacts>(actor: Actor, permission: Permission, row: T | undefined, entity: { type: string; id: string }): T {
  require(actor, permission, entity);
  if (!row || !incidentVisible(actor, row)) throw new AccessDenied(permission, entity);
  return row;
}
