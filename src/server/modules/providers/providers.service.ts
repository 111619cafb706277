import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import { ORG_TABLES, organisationRepository, type OrgFields, type OrgKind } from './providers.repository.js';
import { ORG_ROUTES, type ZOrg, type ZOrgInput } from './providers.schemas.js';

export type { OrgKind } from './providers.repository.js';
type Org = z.infer<typeof ZOrg>;
type OrgInput = z.output<typeof ZOrgInput>;

const fields = (i: OrgInput): OrgFields => ({
  name: i.name,
  contact_name: i.contactName ?? null,
  email: i.email ?? null,
  phone: i.phone ?? null,
  street: i.street ?? null,
  postal_code: i.postalCode ?? null,
  city: i.city ?? null,
});

const present = (r: OrgFields & { id: string; version: number }): Org => ({
  id: r.id,
  name: r.name,
  contactName: r.contact_name,
  email: r.email,
  phone: r.phone,
  street: r.street,
  postalCode: r.postal_code,
  city: r.city,
  version: r.version,
});

/** Housing providers (Wohnungsunternehmen) and NGO carriers: the same shape, two tables. */
export function organisationService(db: Kysely<DB>, kind: OrgKind) {
  const table = ORG_TABLES[kind];
  const { perm } = ORG_ROUTES[kind];
  const repoOf = (tx: Tx, ctx: Ctx) => organisationRepository(tx, ctx.actor.agencyId, kind);
  return {
    list(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, perm.list);
        const rows = await repoOf(tx, ctx).list();
        return { items: rows.map(present) };
      });
    },
    create(ctx: Ctx, input: OrgInput, key: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, perm.create);
        return idempotent(tx, ctx, key, input, async () => {
          const row = await repoOf(tx, ctx).insert(fields(input));
          audit(tx, ctx, { action: `${kind}.create`, entityId: row.id });
          return present(row);
        });
      });
    },
    update(ctx: Ctx, id: string, input: OrgInput, version: number) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, perm.update, { type: table, id });
        const repo = repoOf(tx, ctx);
        if (!(await repo.find(id))) throw new AppError('not_found');
        const row = await repo.update(id, version, fields(input));
        if (!row) throw new AppError('precondition_failed');
        audit(tx, ctx, { action: `${kind}.update`, entityId: id });
        return present(row);
      });
    },
  };
}
export type OrganisationService = ReturnType<typeof organisationService>;

/** For other modules: a housing provider or carrier of the agency (id and name), or undefined. */
export async function organisationOf(
  tx: Tx,
  agencyId: string,
  kind: OrgKind,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  const row = await organisationRepository(tx, agencyId, kind).find(id);
  return row && { id: row.id, name: row.name };
}

/** The name of one housing company or carrier of the agency (for documents and lists of other modules). */
export async function organisationName(tx: Tx, agencyId: string, kind: OrgKind, id: string): Promise<string | null> {
  return (await organisationRepository(tx, agencyId, kind).find(id))?.name ?? null;
}
