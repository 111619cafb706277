import { PERMISSIONS, permissionsOf, roleHas, type Permission } from '../../../contracts/permissions.js';

/**
 * The permission registry (resource.action → roles) lives in contracts/permissions.ts, shared with
 * the UI. Relationship rules (which household, which provider's record) come after it, in
 * `access.ts`. Every route names one entry, or `public`; a test walks Fastify's route table to prove it.
 */
export { PERMISSIONS, permissionsOf, roleHas, type Permission };

/** Route-level declaration: a permission, or a route anyone may call (login, docs). */
export type RouteAccess = Permission | 'public';
