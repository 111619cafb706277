import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { formatGermanDate } from '../../../contracts/format.js';
import type { TAddress, TAddressHistory, ZAddressCreate, ZAddressUpdate } from '../../../contracts/householdAddresses.js';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { addressRepository, type AddressRepository, type AddressRow, type AddressWrite } from './addresses.repository.js';
import { householdRepository } from './households.repository.js';
import { agencyFacts } from '../agencies/agencies.service.js';

type Permission = Parameters<typeof access.requireHousehold>[1];

const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

function present(r: AddressRow): TAddress {
  return {
    id: r.id,
    kind: r.kind as TAddress['kind'],
    street: r.street,
    postalCode: r.postal_code,
    city: r.city,
    district: r.district,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
    current: r.valid_to === null,
    version: r.version,
    createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
    createdAt: r.created_at.toISOString(),
  };
}

const toWrite = (i: z.output<typeof ZAddressCreate>): AddressWrite => ({
  kind: i.kind,
  street: i.street,
  postalCode: i.postalCode,
  city: i.city,
  district: i.district,
  validFrom: i.validFrom,
  validTo: i.validTo,
  note: i.note,
});

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', 'Die Eingaben sind ungültig.', { errors: [{ field, code: 'custom', message }] });

const period = (from: string, to: string | null) =>
  to ? `vom ${formatGermanDate(from)} bis ${formatGermanDate(to)}` : `seit ${formatGermanDate(from)} (aktuell)`;

/** No two entries of a household cover the same day; the issue is reported at the start date. */
async function checkNoOverlap(repo: AddressRepository, householdId: string, w: AddressWrite, exceptId: string | null) {
  const other = await repo.overlapping(householdId, w.validFrom, w.validTo, exceptId);
  if (other) throw invalid('validFrom', `Der Zeitraum überschneidet sich mit dem Eintrag ${period(other.valid_from, other.valid_to)}.`);
}

/** The address and whereabouts history of a household (households module; same scope as the household). */
export function addressService(db: Kysely<DB>) {
  async function visible(tx: Tx, ctx: Ctx, id: string, permission: Permission) {
    access.require(ctx.actor, permission, { type: 'household', id });
    const found = await householdRepository(tx, ctx.actor.agencyId).facts(id, access.householdScope(ctx.actor));
    return access.requireHousehold(ctx.actor, permission, found, id);
  }

  async function history(repo: AddressRepository, householdId: string): Promise<TAddressHistory> {
    const items = (await repo.history(householdId)).map(present);
    return { current: items.find((a) => a.current) ?? null, items };
  }

  return {
    /** The agency's districts (settings), for the address form and the list filter; no client data. */
    districts(ctx: Ctx) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'household.list');
        return { items: (await agencyFacts(tx, ctx.actor.agencyId)).settings.districts };
      });
    },

    list(ctx: Ctx, householdId: string) {
      return actorTx(db, ctx, async (tx) => {
        await visible(tx, ctx, householdId, 'household.addresses');
        const res = await history(addressRepository(tx, ctx.actor.agencyId), householdId);
        audit(tx, ctx, { action: 'household.addresses', entityId: householdId, details: { results: res.items.length } });
        return res;
      });
    },

    /**
     * A move: without `validTo` the entry becomes the current address and the previous current one
     * ends the day before (in the same transaction, the previous one locked); with `validTo` it is a
     * past period added to the history. Periods never overlap.
     */
    add(ctx: Ctx, householdId: string, input: z.output<typeof ZAddressCreate>) {
      return actorTx(db, ctx, async (tx) => {
        await visible(tx, ctx, householdId, 'household.addressWrite');
        const repo = addressRepository(tx, ctx.actor.agencyId);
        const w = toWrite(input);
        let closed: string | null = null;
        if (w.validTo === null) {
          const current = await repo.currentForUpdate(householdId);
          if (current) {
            if (w.validFrom <= current.valid_from)
              throw invalid(
                'validFrom',
                `Der Einzug muss nach dem Beginn der bisherigen Anschrift (${formatGermanDate(current.valid_from)}) liegen.`,
              );
            await repo.close(current.id, dayBefore(w.validFrom), ctx.actor.userId);
            closed = current.id;
          }
        }
        await checkNoOverlap(repo, householdId, w, null);
        // Two moves at once into a household without a current entry: the unique index lets one win.
        const row = await repo.insert(householdId, w, ctx.actor.userId).catch((e: { code?: string }) => {
          if (e.code === '23505') throw new AppError('conflict', 'Gleichzeitig wurde eine andere aktuelle Anschrift erfasst.');
          throw e;
        });
        audit(tx, ctx, {
          action: 'household.address_add',
          entityId: householdId,
          details: { address: row.id, kind: w.kind, validFrom: w.validFrom, closed },
        });
        return { id: row.id, ...(await history(repo, householdId)) };
      });
    },

    /** Corrects one entry (typing errors, a date); stale `version` → 412. */
    correct(ctx: Ctx, householdId: string, id: string, input: z.output<typeof ZAddressUpdate>) {
      return actorTx(db, ctx, async (tx) => {
        await visible(tx, ctx, householdId, 'household.addressWrite');
        const repo = addressRepository(tx, ctx.actor.agencyId);
        const row = await repo.find(householdId, id);
        if (!row) throw new AccessDenied('household.addressWrite', { type: 'household', id: householdId });
        if (row.version !== input.version) throw new AppError('precondition_failed', undefined, { currentState: String(row.version) });
        const w = toWrite(input);
        await checkNoOverlap(repo, householdId, w, id);
        if (!(await repo.update(householdId, id, input.version, w, ctx.actor.userId))) throw new AppError('precondition_failed');
        audit(tx, ctx, {
          action: 'household.address_correct',
          entityId: householdId,
          details: { address: id, version: input.version + 1 },
        });
        return { id, ...(await history(repo, householdId)) };
      });
    },
  };
}
export type AddressService = ReturnType<typeof addressService>;
