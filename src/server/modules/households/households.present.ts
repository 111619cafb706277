import type { z } from 'zod';
import type { ZHousehold, ZJournalEntry } from '../../../contracts/households.js';
import * as access from '../../platform/access/access.js';
import type { Ctx } from '../../platform/http/context.js';
import type { HouseholdDetail, HouseholdRepository } from './households.repository.js';

/* How a household, its journal and its access log look in the API (also in the household's file). */

type Household = z.infer<typeof ZHousehold>;
type JournalEntry = z.infer<typeof ZJournalEntry>;
const iso = (d: Date) => d.toISOString();

/** A household as the API shows it to this actor. */
export function present(ctx: Ctx, row: HouseholdDetail): Household {
  const ref = (id: string | null, name: string | null) => (id ? { id, displayName: name ?? '' } : null);
  const needs = row.needs as Partial<Household['needs']>;
  return {
    id: row.id,
    reference: row.reference,
    situation: row.situation as Household['situation'],
    situationSince: row.situation_since,
    seekingHousing: row.seeking_housing,
    persons: row.persons,
    needs: {
      wheelchair: false,
      stepFree: false,
      pets: false,
      health: false,
      districtsAvoid: [],
      districtsPrefer: [],
      notes: null,
      ...needs,
    },
    caseManager: ref(row.case_manager_id, row.case_manager_name),
    socialWorker: ref(row.social_worker_id, row.social_worker_name),
    members: row.members.map((m) => ({
      id: m.id,
      firstName: m.first_name,
      lastName: m.last_name,
      birthDate: m.birth_date,
      gender: m.gender as Household['members'][number]['gender'],
      nationality: m.nationality,
      relationship: m.relationship as Household['members'][number]['relationship'],
      phone: m.phone,
      email: m.email,
    })),
    status: row.status as Household['status'],
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at as Date),
    actions: access.householdActions(ctx.actor),
  };
}

/** A journal entry as the API shows it. */
export const presentJournal = (j: Awaited<ReturnType<HouseholdRepository['journal']>>[number]): JournalEntry => ({
  id: j.id,
  occurredAt: iso(j.occurred_at as Date),
  kind: j.kind as JournalEntry['kind'],
  participation: j.participation,
  text: j.text,
  author: j.author_id ? { id: j.author_id, displayName: j.author_name ?? '' } : null,
  createdAt: iso(j.created_at),
});

/** The household's access log (its audit events) as the API shows it. */
export const presentAccessLog = (rows: Awaited<ReturnType<HouseholdRepository['accessLog']>>) =>
  rows.map((r) => ({
    occurredAt: iso(r.occurred_at),
    actor: r.display_name ?? 'System',
    role: r.actor_role,
    action: r.action,
    purpose: r.purpose,
    outcome: r.outcome,
  }));

/** Every case of the household across the registered modules, each module applying its own permission and scope. */
