import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { TRole } from '../../../contracts/common.js';
import type { DB, UserRow } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { endSessionsOf } from '../../platform/auth/auth.service.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { SessionCache } from '../../platform/auth/session-cache.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import { isOperatorOf, operatorChoices } from '../accommodation/places.service.js';
import { organisationOf } from '../providers/providers.service.js';
import { agenciesWithDigest, userRepository } from './users.repository.js';
import type { TMySettings } from '../../../contracts/auth.js';
import type { ZUser, ZUserCreate, ZUserUpdate } from './users.schemas.js';

type User = z.infer<typeof ZUser>;

const present = (u: UserRow): User => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  role: u.role as TRole,
  providerId: u.provider_id,
  carrierId: u.carrier_id,
  carrierLead: u.carrier_lead,
  operatorId: u.operator_id,
  active: u.active,
  totpEnabled: u.totp_enabled,
  lastLoginAt: u.last_login_at ? (u.last_login_at as Date).toISOString() : null,
  version: u.version,
});

const emailTaken = () =>
  new AppError('validation_failed', undefined, {
    errors: [{ field: 'email', code: 'custom', message: 'Diese E-Mail-Adresse ist bereits vergeben.' }],
  });

interface LinkInput {
  role: TRole;
  providerId?: string | null;
  carrierId?: string | null;
  operatorId?: string | null;
}

/**
 * Provider users belong to one housing provider, carrier workers to one carrier, operator users to one
 * accommodation operator, of this agency. An operator named for another role is refused; a role
 * other than operator_user clears the operator.
 */
async function orgLinks(tx: Tx, agencyId: string, input: LinkInput, carrierLead?: boolean) {
  const { role, providerId, carrierId, operatorId } = input;
  const errors: FieldError[] = [];
  const p = role === 'provider_user' ? (providerId ?? null) : null;
  const c = role === 'carrier_worker' ? (carrierId ?? null) : null;
  const o = role === 'operator_user' ? (operatorId ?? null) : null;
  if (role === 'provider_user' && !(p && (await organisationOf(tx, agencyId, 'provider', p)))) {
    errors.push({ field: 'providerId', code: 'invalid_value', message: 'Bitte ein Wohnungsunternehmen wählen.' });
  }
  if (role === 'carrier_worker' && !(c && (await organisationOf(tx, agencyId, 'carrier', c)))) {
    errors.push({ field: 'carrierId', code: 'invalid_value', message: 'Bitte einen freien Träger wählen.' });
  }
  if (role === 'operator_user' && !(o && (await isOperatorOf(tx, agencyId, o)))) {
    errors.push({ field: 'operatorId', code: 'custom', message: 'Bitte einen Betreiber wählen.' });
  }
  if (role !== 'operator_user' && operatorId) {
    errors.push({ field: 'operatorId', code: 'custom', message: 'Nur Konten von Betreibern gehören zu einem Betreiber.' });
  }
  if (errors.length) throw new AppError('validation_failed', undefined, { errors });
  return { provider_id: p, carrier_id: c, carrier_lead: role === 'carrier_worker' && !!carrierLead, operator_id: o };
}

export function userService(db: Kysely<DB>, cache: SessionCache | null = null) {
  const repoOf = (tx: Tx, ctx: Ctx) => userRepository(tx, ctx.actor.agencyId);

  return {
    /** The agency's accounts, optionally those whose name or e-mail address contains `search`. */
    list(ctx: Ctx, search?: string) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.list');
        const rows = await repoOf(tx, ctx).list(search || undefined);
        audit(tx, ctx, { action: 'user.list', details: search ? { search } : undefined });
        return { items: rows.map(present) };
      });
    },

    /** The agency's accommodation operators (names only), for binding an operator user to one. */
    operatorChoices(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.list');
        return { items: await operatorChoices(tx, ctx.actor.agencyId) };
      });
    },

    /** Staff names and roles for assignment pickers; no contact data. */
    staff(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'staff.list');
        const rows = await repoOf(tx, ctx).staff();
        return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role as TRole })) };
      });
    },

    create(ctx: Ctx, input: z.output<typeof ZUserCreate>, key: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.create');
        return idempotent(tx, ctx, key, { ...input, password: '' }, async () => {
          const repo = repoOf(tx, ctx);
          const links = await orgLinks(tx, ctx.actor.agencyId, input, input.carrierLead);
          if (await repo.emailTaken(input.email)) throw emailTaken();
          const row = await repo
            .insert({
              email: input.email,
              display_name: input.displayName,
              role: input.role,
              password_hash: await hashPassword(input.password),
              ...links,
            })
            .catch((e: { code?: string }) => {
              if (e.code === '23505') throw emailTaken();
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
        const repo = repoOf(tx, ctx);
        const current = await repo.find(id);
        if (!current) throw new AppError('not_found');
        if (current.version !== version) throw new AppError('precondition_failed');
        if (id === ctx.actor.userId && (!input.active || input.role !== current.role)) {
          throw new AppError('validation_failed', undefined, {
            errors: [{ field: 'active', code: 'custom', message: 'Das eigene Konto kann nicht deaktiviert oder umgestuft werden.' }],
          });
        }
        // A form that does not know the lead flag (older UI) keeps it as it was.
        const lead = input.carrierLead ?? current.carrier_lead;
        const links = await orgLinks(tx, ctx.actor.agencyId, input, lead);
        const row = await repo.update(id, version, { display_name: input.displayName, role: input.role, active: input.active, ...links });
        if (!row) throw new AppError('precondition_failed');
        // Deactivation or a new role ends every session: the user must log in again.
        if (!row.active || row.role !== current.role) {
          await endSessionsOf(tx, ctx.actor.agencyId, id);
          audit(tx, ctx, { action: 'user.sessions_ended', entityId: id });
        }
        audit(tx, ctx, { action: 'user.update', entityId: id, details: { active: row.active, role: row.role } });
        cache?.evictByEvent(`u:${id}`);
        return present(row);
      });
    },

    /** The caller's own settings. */
    mySettings(ctx: Ctx): Promise<TMySettings> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'settings.read');
        const row = await repoOf(tx, ctx).settings(ctx.actor.userId);
        if (!row) throw new AppError('not_found');
        return { mailDigest: row.mail_digest };
      });
    },

    /** Changes the caller's own settings (only their own: there is no id to name another). */
    updateMySettings(ctx: Ctx, input: Partial<TMySettings>): Promise<TMySettings> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'settings.update');
        const repo = repoOf(tx, ctx);
        const before = await repo.settings(ctx.actor.userId);
        if (!before) throw new AppError('not_found');
        const after = input.mailDigest === undefined ? before : await repo.setMailDigest(ctx.actor.userId, input.mailDigest);
        if (!after) throw new AppError('not_found');
        audit(tx, ctx, {
          action: 'user.settings_update',
          entityId: ctx.actor.userId,
          details: { mailDigest: { from: before.mail_digest, to: after.mail_digest } },
        });
        return { mailDigest: after.mail_digest };
      });
    },

    resetPassword(ctx: Ctx, id: string, password: string) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'user.resetPassword', { type: 'user', id });
        const repo = repoOf(tx, ctx);
        if (!(await repo.find(id))) throw new AppError('not_found');
        await repo.setPassword(id, await hashPassword(password));
        await endSessionsOf(tx, ctx.actor.agencyId, id);
        audit(tx, ctx, { action: 'user.password_reset', entityId: id });
        cache?.evictByEvent(`u:${id}`);
      });
    },
  };
}
export type UserService = ReturnType<typeof userService>;

/** For other modules: id, role, name and carrier of these users of the agency (unknown or empty ids are absent). */
export function userFacts(tx: Tx, agencyId: string, ids: (string | null | undefined)[]) {
  return userRepository(tx, agencyId).facts(ids.filter((x): x is string => !!x));
}

/** For other modules: the ids of the agency's active users with one of these roles (who to notify). */
export function activeUsersWithRoles(tx: Tx, agencyId: string, roles: TRole[]): Promise<string[]> {
  return userRepository(tx, agencyId).activeIdsWithRoles(roles);
}

/** For other modules: the ids of the active users working for this carrier. */
export function activeCarrierWorkers(tx: Tx, agencyId: string, carrierId: string): Promise<string[]> {
  return userRepository(tx, agencyId).activeIdsOfCarrier(carrierId);
}

/** For other modules: the ids of the active leads of this carrier (told when visits fail twice in a row). */
export function activeCarrierLeads(tx: Tx, agencyId: string, carrierId: string): Promise<string[]> {
  return userRepository(tx, agencyId).activeCarrierLeads(carrierId);
}

/** For other modules: the ids of the active users of this housing company (its portal staff). */
export function activeProviderUsers(tx: Tx, agencyId: string, providerId: string): Promise<string[]> {
  return userRepository(tx, agencyId).activeIdsOfProvider(providerId);
}

/** For other modules: name, e-mail and active flag of these users of the agency (invitations, mails). */
export function userContacts(tx: Tx, agencyId: string, ids: string[]) {
  return userRepository(tx, agencyId).contacts([...new Set(ids)]);
}

/** For other modules: the agency's active office staff (name and role), e.g. the lead's team on the start page. */
export function officeStaff(tx: Tx, agencyId: string) {
  return userRepository(tx, agencyId).staff();
}

/** For the digest job: agencies where someone waits for today's digest. */
export { agenciesWithDigest };

/** For the digest job: the agency's users due a digest on `day`, locked until the caller's transaction ends. */
export function digestRecipients(tx: Tx, agencyId: string, day: string) {
  return userRepository(tx, agencyId).digestRecipients(day);
}

/** For the digest job: records that the user had the digest of `day`, sent at `at`. */
export function markDigestSent(tx: Tx, agencyId: string, userId: string, day: string, at: Date): Promise<void> {
  return userRepository(tx, agencyId).markDigestSent(userId, day, at);
}
