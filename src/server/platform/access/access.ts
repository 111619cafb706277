import type { ExpressionBuilder } from 'kysely';
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

/** Which households an actor may see: the set-based rule the repository turns into SQL. */
export type HouseholdScope =
  | { kind: 'all' }
  | { kind: 'socialWorker'; userId: string }
  | { kind: 'situation'; situation: 'in_accommodation' }
  | { kind: 'none' };

export function householdScope(actor: Actor): HouseholdScope {
  switch (actor.role) {
    case 'case_manager':
    case 'lead':
      return { kind: 'all' };
    case 'social_worker':
      return { kind: 'socialWorker', userId: actor.userId };
    case 'accommodation_worker':
      return { kind: 'situation', situation: 'in_accommodation' };
    default:
      return { kind: 'none' };
  }
}

/** The scope as a predicate on `households`: which households the actor may list, and see (one rule for both). */
export function householdScopeWhere(eb: ExpressionBuilder<DB, 'households'>, scope: HouseholdScope) {
  switch (scope.kind) {
    case 'all':
      return eb.val(true);
    case 'socialWorker':
      return eb('households.social_worker_id', '=', scope.userId);
    case 'situation':
      return eb('households.situation', '=', scope.situation);
    case 'none':
      return eb.val(false);
  }
}

interface HouseholdFacts {
  id: string;
  social_worker_id: string | null;
  situation: string;
}

/** Relationship check for one household; a missing or hidden household is the same 404. */
export function requireHousehold(actor: Actor, permission: Permission, h: HouseholdFacts | undefined, id: string): HouseholdFacts {
  require(actor, permission, { type: 'household', id });
  if (!h || !householdVisible(actor, h)) throw new AccessDenied(permission, { type: 'household', id });
  return h;
}

export function householdVisible(actor: Actor, h: HouseholdFacts): boolean {
  const scope = householdScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'socialWorker':
      return h.social_worker_id === scope.userId;
    case 'situation':
      return h.situation === scope.situation;
    case 'none':
      return false;
  }
}

/** The actions on a household this actor may take next, so the UI shows only working buttons. */
export function householdActions(actor: Actor, h: HouseholdFacts): string[] {
  if (!householdVisible(actor, h)) return [];
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
