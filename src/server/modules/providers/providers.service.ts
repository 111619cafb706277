import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZOrg, ZOrgInput } from '../../../contracts/admin.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';

type Org = z.infer<typeof ZOrg>;
type OrgInput = z.output<typeof ZOrgInput>;

/** Housing providers (Wohnungsunternehmen) and NGO carriers: the same shape, two tables. */
const KINDS = {
  provider: { table: 'housing_providers', perm: { list: 'provider.list', create: 'provider.create', update: 'provider.update' } },
  carrier: { table: 'carriers', perm: { list: 'carrier.list', create: 'carrier.create', update: 'carrier.update' } },
} as const;
export type OrgKind = keyof typeof KINDS;

const fields = (i: OrgInput) => ({
  name: i.name,
  contact_name: i.contactName ?? null,
  email: i.email ?? null,
  phone: i.phone ?? null,
  street: i.street ?? null,
  postal_code: i.postalCode ?? null,
  city: i.city ?? null,
});

const present = (r: { id: string; name: string; contact_name: string | null; email: string | null; phone: string | null; street: string | null; postal_code: string | null; city: string | null; version: number }): Org => ({
  id: r.id, name: r.name, contactName: r.contact_name, email: r.email, phone: r.phone, street: r.street, postalCode: r.postal_code, city: r.city, version: r.version,
});

export function organisationService(db: Kysely<DB>, kind: OrgKind) {
  const { table, perm } = KINDS[kind];
  return {
    list(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, perm.list);
        const rows = await tx.selectFrom(table).selectAll().where('agency_id', '=', ctx.actor.agencyId).orderBy('name').execute();
        return { items: rows.map(present) };
      });
    },
    create(ctx: Ctx, input: OrgInput, key: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, perm.create);
        return idempotent(tx, ctx, key, input, async () => {
          const row = await tx.insertInto(table).values({ agency_id: ctx.actor.agencyId, ...fields(input) }).returningAll().executeTakeFirstOrThrow();
          audit(tx, ctx, { action: `${kind}.create`, entityId: row.id });
          return present(row);
        });
      });
    },
    update(ctx: Ctx, id: string, input: OrgInput, version: number) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, perm.update, { type: table, id });
        const exists = await tx.selectFrom(table).select('version').where('agency_id', '=', ctx.actor.agencyId).where('id', '=', id).executeTakeFirst();
        if (!exists) throw new AppError('not_found');
        const row = await tx
          .updateTable(table)
          .set({ ...fields(input), version: exists.version + 1 })
          .where('agency_id', '=', ctx.actor.agencyId)
          .where('id', '=', id)
          .where('version', '=', version)
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new AppError('precondition_failed');
        audit(tx, ctx, { action: `${kind}.update`, entityId: id });
        return present(row);
      });
    },
  };
}
export type OrganisationService = ReturnType<typeof organisationService>;
