import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZConditionsInput } from '../../../contracts/placement.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { checkOffer, toRule, rentCap, spaceLimit, type ConditionsRule } from './conditions.js';
import { presentConditions } from './placement.present.js';
import { placementRepository, type PlacementRepository } from './placement.repository.js';

type Input = z.output<typeof ZConditionsInput>;

const ruleOf = (i: Input): ConditionsRule => ({
  id: '00000000-0000-0000-0000-000000000000',
  validFrom: i.validFrom,
  rentCaps: i.rentCaps,
  extraPersonCents: i.extraPersonCents,
  spaceBaseSqm: i.spaceBaseSqm,
  spacePerPersonSqm: i.spacePerPersonSqm,
  requiredEquipment: i.requiredEquipment,
});

function validate(i: Input) {
  const sizes = i.rentCaps.map((r) => r.persons);
  if (new Set(sizes).size !== sizes.length) {
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'rentCaps', code: 'custom', message: 'Jede Haushaltsgröße darf nur einmal vorkommen.' }],
    });
  }
  if (!sizes.includes(1)) {
    throw new AppError('validation_failed', undefined, {
      errors: [{ field: 'rentCaps', code: 'custom', message: 'Die Obergrenze für eine Person fehlt.' }],
    });
  }
}

/**
 * What a new version would change, measured against the version in force on its valid-from day:
 * open offers whose eligibility flips, and pool households whose cap or floor-space guide moves.
 */
async function impact(repo: PlacementRepository, input: Input) {
  const before = await repo.conditionsAt(input.validFrom);
  const prev = before ? toRule(before) : null;
  const next = ruleOf(input);
  const now = new Date();
  const offers = await repo.openOffers();
  const offersChanging = offers
    .map((o) => {
      const flat = {
        livingSpace: Number(o.living_space),
        rooms: Number(o.rooms),
        coldRentCents: o.cold_rent_cents,
        equipment: o.equipment,
      };
      const eligibleBefore = prev ? checkOffer(prev, flat, now).eligible : false;
      const eligibleAfter = checkOffer(next, flat, now).eligible;
      return { id: o.id, reference: o.reference, eligibleBefore, eligibleAfter };
    })
    .filter((o) => o.eligibleBefore !== o.eligibleAfter);
  const pool = await repo.poolBySize();
  const bySize = pool.map((p) => ({
    persons: p.persons,
    households: Number(p.n),
    capBeforeCents: prev ? rentCap(prev, p.persons) : 0,
    capAfterCents: rentCap(next, p.persons),
    spaceBeforeSqm: prev ? spaceLimit(prev, p.persons) : 0,
    spaceAfterSqm: spaceLimit(next, p.persons),
  }));
  return {
    openOffers: offers.length,
    offersChanging,
    poolHouseholds: bySize.reduce((s, b) => s + b.households, 0),
    poolAffected: bySize
      .filter((b) => b.capBeforeCents !== b.capAfterCents || b.spaceBeforeSqm !== b.spaceAfterSqm)
      .reduce((s, b) => s + b.households, 0),
    bySize,
  };
}

export function conditionsService(db: Kysely<DB>) {
  const repoOf = (tx: Tx, ctx: Ctx) => placementRepository(tx, ctx.actor.agencyId);
  return {
    list: (ctx: Ctx) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'conditions.read');
        const repo = repoOf(tx, ctx);
        const current = await repo.conditionsAt(berlinDate(new Date()));
        return { items: (await repo.conditionsList()).map((r) => presentConditions(r, current?.id ?? null)) };
      }),

    preview: (ctx: Ctx, input: Input) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'conditions.update');
        validate(input);
        return impact(repoOf(tx, ctx), input);
      }),

    /** A new version, valid from its date; versions are never edited, so checked offers keep theirs. */
    create: (ctx: Ctx, input: Input) =>
      actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'conditions.update');
        validate(input);
        const repo = repoOf(tx, ctx);
        const effect = await impact(repo, input);
        const { id } = await repo
          .insertConditions({
            valid_from: input.validFrom,
            rent_caps: JSON.stringify(input.rentCaps),
            extra_person_cents: input.extraPersonCents,
            space_base_sqm: input.spaceBaseSqm,
            space_per_person_sqm: input.spacePerPersonSqm,
            required_equipment: input.requiredEquipment,
            note: input.note ?? null,
            created_by: ctx.actor.userId,
          })
          .catch((e: { code?: string }) => {
            if (e.code === '23505')
              throw new AppError('validation_failed', undefined, {
                errors: [{ field: 'validFrom', code: 'custom', message: 'Für diesen Tag gibt es schon eine Fassung.' }],
              });
            throw e;
          });
        audit(tx, ctx, {
          action: 'conditions.create',
          entityId: id,
          details: { validFrom: input.validFrom, offersChanging: effect.offersChanging.length, poolAffected: effect.poolAffected },
        });
        const current = await repo.conditionsAt(berlinDate(new Date()));
        const row = (await repo.conditionsList()).find((r) => r.id === id)!;
        return presentConditions(row, current?.id ?? null);
      }),
  };
}
export type ConditionsService = ReturnType<typeof conditionsService>;
