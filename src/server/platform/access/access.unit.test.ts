import { describe, expect, it } from 'vitest';
import { ROLES, type TRole } from '../../../contracts/common.js';
import { AccessDenied } from '../errors/app-error.js';
import type { Actor } from '../http/context.js';
import { householdActions, require as requirePermission, requireHousehold } from './access.js';
import { PERMISSIONS, permissionsOf } from './registry.js';

const actor = (role: TRole, userId = 'u1'): Actor => ({ role, userId, agencyId: 'a', providerId: null, carrierId: null, sessionId: 's' });

describe('permission registry', () => {
  it('gives case data to no external role, auditor or admin', () => {
    for (const role of ['provider_user', 'carrier_worker', 'auditor', 'admin'] as const) {
      expect(permissionsOf(role).filter((p) => p.startsWith('household.') || p.startsWith('journal.'))).toEqual([]);
    }
  });
  it('lets only auditors and the data-protection officer read the audit trail and only admins manage users', () => {
    expect(PERMISSIONS['audit.list']).toEqual(['auditor', 'dpo']);
    expect(ROLES.filter((r) => permissionsOf(r).includes('user.create'))).toEqual(['admin']);
  });
  it('denies with 403 for collections and 404 for a named record', () => {
    expect(() => requirePermission(actor('auditor'), 'household.list')).toThrow(AccessDenied);
    try {
      requirePermission(actor('auditor'), 'household.read', { type: 'household', id: 'h1' });
    } catch (e) {
      expect((e as AccessDenied).status).toBe(404);
    }
  });
});

describe('household relationship (which households: the scope in SQL, see households.service.test)', () => {
  it('treats a missing household like a hidden one', () => {
    expect(() => requireHousehold(actor('case_manager'), 'household.read', undefined, 'x')).toThrow(AccessDenied);
  });
  it('offers only the actions the role may take', () => {
    expect(householdActions(actor('case_manager'))).toEqual(['update', 'journal.create', 'accessLog', 'file', 'address.write']);
    expect(householdActions(actor('accommodation_worker'))).toEqual(['journal.create', 'accessLog', 'file']);
  });
});
