import type { Insertable } from 'kysely';
import type { Tx } from '../../db/database.js';
import type { TenanciesTable } from '../../db/types.js';
import type { Ctx } from '../../platform/http/context.js';
import { changeHouseholdSituation } from '../households/households.service.js';
import { onTenancyCreated } from './sustainment.effects.js';
import { tenancyRepository } from './tenancies.repository.js';

export type NewTenancy = Omit<Insertable<TenanciesTable>, 'agency_id' | 'reference'>;

/**
 * For placement (lease concluded) and direct entry, on a step already authorised: a tenancy comes
 * into being with the next reference, its household counts as housed from the lease start (a
 * household already housed keeps its date), and the guarantee's reminders open.
 */
export async function startTenancy(tx: Tx, ctx: Ctx, values: NewTenancy): Promise<{ id: string; reference: string }> {
  const repo = tenancyRepository(tx, ctx.actor.agencyId);
  const reference = await repo.nextReference();
  const { id } = await repo.insert({ ...values, reference });
  await changeHouseholdSituation(tx, ctx.actor.agencyId, values.household_id, {
    situation: 'housed',
    since: values.lease_start as string,
    seekingHousing: false,
    unlessAlready: true,
  });
  await onTenancyCreated(tx, ctx, {
    id,
    reference,
    guarantee_end: values.guarantee_end as string,
    contact_person_id: values.contact_person_id ?? null,
    household_id: values.household_id,
  });
  return { id, reference };
}
