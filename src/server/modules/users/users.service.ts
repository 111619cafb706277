import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZUser, ZUserCreate, ZUserUpdate } from '../../../contracts/admin.js';
import type { TRole } from '../../../contracts/common.js';
import type { DB, UserRow } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import type { SessionCache } from '../../platform/auth/session-cache.js';

type User = z.infer<typeof ZUser>;

const present = (u: UserRow): User => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  role: u.role as TRole,
  providerId: u.provider_id,
  carrierId: u.carrier_id,
  active: u.active,
  totpEnabled: u.totp_enabled,
  lastLoginAt: u.last_login_at ? (u.last_login_at as Date).toISOString() : null,
  version: u.version,
});

/** Provider users belong to one housing provider, carrier workers to one carrier, of this agency. */
async function orgLinks(tx: Tx, agencyId: string, role: TRole, providerId?: string | null, carrierId?: string | null) {
  const errors: FieldError[] = [];
  const p = role === 'provider_user' ? providerId ?? null : null;
  const c = role === 'carrier_worker' ? carrierId ?? null : null;
  if (role === 'provider_user') {
    const ok = p && (await tx.selectFrom('housing_providers').select('id').where('agency_id', '=', agencyId).where('id', '=', p).executeTakeFirst());
    if (!ok) errors.push({ field: 'providerId', code: 'invalid_value', message: 'Bitte ein Wohnungsunternehmen wählen.' });
  }
  if (role === 'carrier_worker') {
    const ok = c && (await tx.selectFrom('carriers').select('id').where('agency_id', '=', agencyId).where('id', '=', c).executeTakeFirst());
    if (!ok) errors.push({ field: 'carrierId', code: 'invalid_value', message: 'Bitte einen freien Träger wählen.' });
  }
  if (errors.length) throw new AppError('validation_failed', undefined, { errors });
  return { provider_id: p, carrier_id: c };
}

export function userService(db: Kysely<DB>, cache: SessionCache | null = null) {
  const find = (tx: Tx, ctx: Ctx, id: string) =>
    tx.selectFrom('users').selectAll().where('agency_id', '=', ctx.actor.agencyId).where('id', '=', id).executeTakeFirst();

  return {
    list(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.list');
        const rows = await tx.selectFrom('users').selectAll().where('agency_id', '=', ctx.actor.agencyId).orderBy('display_name').execute();
        audit(tx, ctx, { action: 'user.list' });
        return { items: rows.map(present) };
      });
    },

    /** Staff names and roles for assignment pickers; no contact data. */
    staff(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'staff.list');
        const rows = await tx
          .selectFrom('users')
          .select(['id', 'display_name', 'role'])
          .where('agency_id', '=', ctx.actor.agencyId)
          .where('active', '=', true)
          .where('role', 'in', ['case_manager', 'social_worker', 'accommodation_worker', 'lead'])
          .orderBy('display_name')
          .execute();
        return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as TRole })) };
      });
    },

    create(ctx: Ctx, input: z.output<typeof ZUserCreate>, key: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.create');
        return idempotent(tx, ctx, key, { ...input, password: '' }, async () => {
          const links = await orgLinks(tx, ctx.actor.agencyId, input.role, input.providerId, input.carrierId);
          const taken = await tx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
          if (taken) throw new AppError('validation_failed', undefined, { errors: [{ field: 'email', code: 'custom', message: 'Diese E-Mail-Adresse ist bereits vergeben.' }] });
          const row = await tx
            .insertInto('users')
            .values({ agency_id: ctx.actor.agencyId, email: input.email, display_name: input.displayName, role: input.role, password_hash: await hashPassword(input.password), ...links })
            .returningAll()
            .executeTakeFirstOrThrow()
            .catch((e: { code?: string }) => {
              if (e.code === '23505') throw new AppError('validation_failed', undefined, { errors: [{ field: 'email', code: 'custom', message: 'Diese E-Mail-Adresse ist bereits vergeben.' }] });
              throw e;
            });
          audit(tx, ctx, { action: 'user.create', entityId: row.id, details: { role: row.role } });
          return present(row);
        });
      });
    },

    update(ctx: Ctx, id: string, input: z.output<typeof ZUserUpdate>, version: number) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.update', { type: 'user', id });
        const current = await find(tx, ctx, id);
        if (!current) throw new AppError('not_found');
        if (current.version !== version) throw new AppError('precondition_failed');
        if (id === ctx.actor.userId && (!input.active || input.role !== current.role)) {
          throw new AppError('validation_failed', undefined, { errors: [{ field: 'active', code: 'custom', message: 'Das eigene Konto kann nicht deaktiviert oder umgestuft werden.' }] });
        }
        const links = await orgLinks(tx, ctx.actor.agencyId, input.role, input.providerId, input.carrierId);
        const row = await tx
          .updateTable('users')
          .set({ display_name: input.displayName, role: input.role, active: input.active, ...links, version: current.version + 1 })
          .where('agency_id', '=', ctx.actor.agencyId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new AppError('precondition_failed');
        // Deactivation or a new role ends every session: the user must log in again.
        if (!row.active || row.role !== current.role) {
          await tx.deleteFrom('sessions').where('agency_id', '=', ctx.actor.agencyId).where('user_id', '=', id).execute();
          audit(tx, ctx, { action: 'user.sessions_ended', entityId: id });
        }
        audit(tx, ctx, { action: 'user.update', entityId: id, details: { active: row.active, role: row.role } });
        cache?.evictByEvent(`u:${id}`);
        return present(row);
      });
    },

    resetPassword(ctx: Ctx, id: string, password: string) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.resetPassword', { type: 'user', id });
        if (!(await find(tx, ctx, id))) throw new AppError('not_found');
        await tx
          .updateTable('users')
          .set({ password_hash: await hashPassword(password), failed_logins: 0, locked_until: null })
          .where('agency_id', '=', ctx.actor.agencyId)
          .where('id', '=', id)
          .execute();
        await tx.deleteFrom('sessions').where('agency_id', '=', ctx.actor.agencyId).where('user_id', '=', id).execute();
        audit(tx, ctx, { action: 'user.password_reset', entityId: id });
        cache?.evictByEvent(`u:${id}`);
      });
    },
  };
}
export type UserService = ReturnType<typeof userService>;
