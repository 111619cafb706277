import type { TPreventionCase } from '../../../contracts/prevention.js';
import type { TCaseState } from '../../../contracts/prevention.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import type { Permission } from '../../platform/access/registry.js';
import { AccessDenied, AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { userFacts } from '../users/users.service.js';
import { noticeRepository } from './notices.repository.js';
import { preventionEffects } from './prevention.effects.js';
import { CASE_STEPS, next, type CaseStep } from './prevention.machine.js';
import { presentCase } from './prevention.present.js';
import { preventionRepository, type CaseRow } from './prevention.repository.js';

/** The pieces every prevention service method uses, bound to one transaction and actor. */
export function kit(tx: Tx, ctx: Ctx) {
  const repo = preventionRepository(tx, ctx.actor.agencyId);
  const fx = preventionEffects(tx, ctx);

  /** Permission first, then the case itself: a missing or other agency's case is the same 404. */
  async function locked(id: string, permission: Permission): Promise<CaseRow> {
    access.require(ctx.actor, permission, { type: 'prevention_case', id });
    const row = await repo.lock(id);
    if (!row) throw new AccessDenied(permission, { type: 'prevention_case', id });
    return row;
  }

  return {
    repo,
    fx,
    locked,
    /** The state `step` leads to; 409 with the current state when impossible now. */
    step: (row: Pick<CaseRow, 'status'>, step: CaseStep) => next(CASE_STEPS, step, row.status as TCaseState, ctx.actor.role),
    checkVersion(actual: number, expected: number) {
      if (actual !== expected) throw new AppError('precondition_failed');
    },
    touch: (id: string, set: Record<string, unknown> = {}) => repo.touch(id, set),
    /** The case as the API presents it, with the actor's actions. */
    async full(id: string): Promise<TPreventionCase> {
      const row = await repo.find(id);
      if (!row) throw new AppError('not_found');
      const [attempts, measures, referrals, notices, s] = await Promise.all([
        repo.attempts(id),
        repo.measures(id),
        repo.referrals(id),
        noticeRepository(tx, ctx.actor.agencyId).list(id),
        fx.settings(),
      ]);
      return presentCase(tx, ctx.actor, { row, attempts, measures, referrals, notices, settings: s.prevention, state: s.state });
    },
    /** Assigned staff must be of this agency and of a fitting role; reported per field. */
    async checkStaff(caseManagerId: string | null | undefined, socialWorkerId: string | null | undefined) {
      const users = await userFacts(tx, ctx.actor.agencyId, [caseManagerId, socialWorkerId]);
      const roleOf = (id: string) => users.find((u) => u.id === id)?.role ?? '';
      const errors: FieldError[] = [];
      if (caseManagerId && !['case_manager', 'lead'].includes(roleOf(caseManagerId)))
        errors.push({ field: 'caseManagerId', code: 'invalid_value', message: 'Keine Sachbearbeitung dieser Behörde.' });
      if (socialWorkerId && roleOf(socialWorkerId) !== 'social_worker')
        errors.push({ field: 'socialWorkerId', code: 'invalid_value', message: 'Keine Sozialarbeit dieser Behörde.' });
      if (errors.length) throw new AppError('validation_failed', 'Die Eingaben sind ungültig.', { errors });
    },
  };
}
export type Kit = ReturnType<typeof kit>;

export const fieldError = (field: string, code: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, code, message }] });
