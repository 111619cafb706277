import type { TRole } from '../src/contracts/common.js';
import type { Ctx } from '../src/server/platform/http/context.js';
import type { TestAgency } from './helpers.js';

/** A service context for one of the test agency's users (no session, no HTTP). */
export const ctxOf = (a: TestAgency, role: TRole): Ctx => ({
  actor: {
    userId: a.users[role].id,
    agencyId: a.id,
    role,
    providerId: role === 'provider_user' ? a.providerId : null,
    carrierId: role === 'carrier_worker' ? a.carrierId : null,
    sessionId: 'test',
  },
  ip: '127.0.0.1',
  purpose: 'Test',
});
