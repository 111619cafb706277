import type { TRole } from '../../../contracts/common.js';

/** Who is acting: resolved from the session before any service runs. */
export interface Actor {
  userId: string;
  agencyId: string;
  role: TRole;
  providerId: string | null;
  carrierId: string | null;
  sessionId: string;
}

/** What every service method receives: the actor and where the request came from. */
export interface Ctx {
  actor: Actor;
  ip: string | null;
  purpose: string | null;
}
