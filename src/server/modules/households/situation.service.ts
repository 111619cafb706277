import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import type { Actor } from '../../platform/http/context.js';
import { householdRepository } from './households.repository.js';

/*
 * The household's housing situation as accommodation moves it (the accommodation module calls
 * these on a step it has authorised). The placement pool counts the waiting time from
 * `situation_since` = homeless since, so a household that was already homeless (on the street,
 * hidden, or in accommodation) keeps its date when it moves in or is moved between facilities; only a
 * household that had a home until now becomes homeless on the day it moves in.
 */
const HOMELESS = ['in_accommodation', 'hidden_homeless', 'rough_sleeping'];
const ANY: ReturnType<typeof access.householdScope> = (eb) => eb.lit(true);

/** Where a household goes when it leaves accommodation (the move-out reason). */
export type LeaveReason = 'own_flat' | 'other_facility' | 'left_unknown' | 'hospital' | 'prison' | 'deceased' | 'other';

/** The household moved into accommodation on `day`: in accommodation, since it became homeless. */
export async function householdMovedIn(tx: Tx, agencyId: string, householdId: string, day: string): Promise<{ since: string }> {
  const repo = householdRepository(tx, agencyId);
  const h = await repo.facts(householdId, ANY);
  if (!h) return { since: day };
  const since = HOMELESS.includes(h.situation) && h.situation_since && h.situation_since <= day ? h.situation_since : day;
  await repo.setSituation(householdId, { situation: 'in_accommodation', since });
  return { since };
}

/**
 * The household left its last place on `day`: housed again in its own flat (out of the pool), or
 * still homeless without a place (hidden homeless, its date kept); a transfer changes nothing.
 */
export async function householdMovedOut(tx: Tx, agencyId: string, householdId: string, day: string, reason: LeaveReason): Promise<void> {
  if (reason === 'other_facility') return;
  const repo = householdRepository(tx, agencyId);
  if (reason === 'own_flat') {
    await repo.setSituation(householdId, { situation: 'housed', since: day, seekingHousing: false });
    return;
  }
  const h = await repo.facts(householdId, ANY);
  if (!h) return;
  await repo.setSituation(householdId, {
    situation: 'hidden_homeless',
    since: h.situation_since ?? day,
    ...(reason === 'deceased' ? { seekingHousing: false } : {}),
  });
}

/** For the place search and the assignment: a household the actor's scope shows, with its members and needs. */
export async function householdForAccommodation(tx: Tx, actor: Actor, householdId: string) {
  const h = await householdRepository(tx, actor.agencyId).findVisible(householdId, access.householdScope(actor));
  if (!h) return undefined;
  return {
    id: h.id,
    reference: h.reference,
    name: h.head_name,
    situation: h.situation,
    children: h.children,
    wheelchair: h.wheelchair,
    pets: h.pets,
    districtsPrefer: h.districts_prefer,
    districtsAvoid: h.districts_avoid,
    members: h.members.map((m) => ({
      id: m.id,
      firstName: m.first_name,
      lastName: m.last_name,
      gender: m.gender,
      birthDate: m.birth_date,
    })),
  };
}
