import type { Kysely } from 'kysely';
import { addDays, addMonths, grantEnd } from '../../modules/aftercare/aftercare.dates.js';
import { berlinDate, endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import { inAgency } from '../database.js';
import { nextReference } from '../references.js';
import type { DB } from '../types.js';

/*
 * Demo data for aftercare (Wohnintegrationshilfe): a cooperation agreement with the agency's
 * carrier and six cases in every state the carrier's start page and the Fachstelle's list show —
 * a fresh referral, a checked one, three running (visit overdue, visit due this week, ending soon
 * after two missed visits) and an ended one with its follow-up checks. The demo carrier login
 * (`traeger@…`, the carrier's lead) sees the consented, granted ones. Deterministic (dates relative
 * to today) and idempotent: only for agencies without aftercare cases.
 */

const STREETS = ['Mittlerer Pfad 15', 'Ulmer Straße 41', 'Am Kochenhof 8', 'Rotenbergstraße 77', 'Pragstraße 120', 'Wiener Straße 5'];

type Plan = {
  state: 'referred' | 'checked' | 'active' | 'ended';
  source: string;
  targetGroup: 'precarious_housing' | 'secured_tenancy';
  grantedDaysAgo?: number;
  months?: number;
  visits?: { daysAgo: number; status: 'held' | 'not_met' | 'refused'; topics: string[]; view?: string }[];
  nextVisitIn?: number;
  goal?: string;
  endedDaysAgo?: number;
};

const PLANS: Plan[] = [
  { state: 'referred', source: 'parish', targetGroup: 'precarious_housing' },
  { state: 'checked', source: 'job_centre', targetGroup: 'secured_tenancy' },
  {
    state: 'active',
    source: 'fachstelle',
    targetGroup: 'secured_tenancy',
    grantedDaysAgo: 70,
    visits: [
      { daysAgo: 62, status: 'held', topics: ['rent_paid', 'income'], view: 'Wir kommen zurecht, das Geld ist knapp.' },
      { daysAgo: 33, status: 'held', topics: ['rent_paid', 'job_centre'], view: 'Der Weiterbewilligungsantrag ist gestellt.' },
    ],
    nextVisitIn: -5,
    goal: 'Wir wollen die Miete jeden Monat pünktlich zahlen.',
  },
  {
    state: 'active',
    source: 'housing_company',
    targetGroup: 'precarious_housing',
    grantedDaysAgo: 40,
    visits: [{ daysAgo: 26, status: 'held', topics: ['landlord_contact', 'family'], view: 'Ich möchte einen richtigen Mietvertrag.' }],
    nextVisitIn: 2,
    goal: 'Ich möchte einen eigenen Mietvertrag für die Wohnung.',
  },
  {
    state: 'active',
    source: 'self',
    targetGroup: 'secured_tenancy',
    grantedDaysAgo: 165,
    visits: [
      { daysAgo: 120, status: 'held', topics: ['arrears', 'health'] },
      { daysAgo: 14, status: 'not_met', topics: [] },
      { daysAgo: 7, status: 'not_met', topics: [] },
    ],
    nextVisitIn: 0,
  },
  {
    state: 'ended',
    source: 'social_office',
    targetGroup: 'secured_tenancy',
    grantedDaysAgo: 230,
    visits: [{ daysAgo: 150, status: 'held', topics: ['rent_paid'] }],
    endedDaysAgo: 45,
    goal: 'Schulden beim Energieversorger regeln.',
  },
];

/** Missed (not held) visits at the end of the list, oldest first. */
function missedInRow(visits: { status: string }[]): number {
  let n = 0;
  for (let k = visits.length - 1; k >= 0 && visits[k]!.status !== 'held'; k--) n++;
  return n;
}

export async function seedAftercare(db: Kysely<DB>, agencies: { id: string; city: string; postal: string }[]): Promise<void> {
  for (const a of agencies) {
    await inAgency(db, a.id, async (tx) => {
      if (await tx.selectFrom('aftercare_cases').select('id').where('agency_id', '=', a.id).executeTakeFirst()) return;
      const carrier = await tx.selectFrom('carriers').select(['id']).where('agency_id', '=', a.id).orderBy('name').executeTakeFirst();
      const users = await tx
        .selectFrom('users')
        .select(['id', 'role', 'carrier_id'])
        .where('agency_id', '=', a.id)
        .orderBy('email')
        .execute();
      const cm = users.find((u) => u.role === 'case_manager')?.id;
      const worker = users.find((u) => u.role === 'carrier_worker' && u.carrier_id === carrier?.id)?.id;
      const households = await tx
        .selectFrom('households')
        .select(['id'])
        .where('agency_id', '=', a.id)
        .where('situation', 'in', ['housed', 'at_risk'])
        .orderBy('reference', 'desc')
        .limit(PLANS.length)
        .execute();
      if (!carrier || !cm || !worker || households.length < PLANS.length) return;
      const today = berlinDate(new Date());
      const ago = (n: number) => addDays(today, -n);

      await tx
        .insertInto('aftercare_agreements')
        .values({
          agency_id: a.id,
          carrier_id: carrier.id,
          valid_from: `${Number(today.slice(0, 4)) - 1}-01-01`,
          valid_to: `${Number(today.slice(0, 4)) + 1}-12-31`,
          capacity_cases: 40,
          visit_every_weeks: 4,
          reporting_duties: 'Laufende Zahlen je Quartal bis zum 15. des Folgemonats; Jahresbericht bis zum 30. April des Folgejahres.',
          created_by: cm,
        })
        .execute();

      for (const [i, p] of PLANS.entries()) {
        const reference = await nextReference(tx, a.id, 'aftercare', 'N', 5);
        const grantedFrom = p.grantedDaysAgo !== undefined ? ago(p.grantedDaysAgo) : null;
        const granted = grantedFrom !== null;
        const endedOn = p.endedDaysAgo !== undefined ? ago(p.endedDaysAgo) : null;
        const until = grantedFrom ? grantEnd(grantedFrom, 6) : null;
        const c = await tx
          .insertInto('aftercare_cases')
          .values({
            agency_id: a.id,
            reference,
            household_id: households[i]!.id,
            carrier_id: carrier.id,
            carrier_worker_id: granted ? worker : null,
            target_group: p.targetGroup,
            source: p.source,
            referred_on: ago((p.grantedDaysAgo ?? 5) + 10),
            street: STREETS[i]!,
            postal_code: a.postal,
            city: a.city,
            state: p.state,
            comparable_help: p.state === 'referred' ? null : [],
            checked_on: p.state === 'referred' ? null : ago((p.grantedDaysAgo ?? 2) + 3),
            checked_by: p.state === 'referred' ? null : cm,
            granted_from: grantedFrom,
            granted_until: until,
            granted_by: granted ? cm : null,
            visit_every_weeks: granted ? 4 : null,
            next_visit_due: p.state === 'active' && p.nextVisitIn !== undefined ? addDays(today, p.nextVisitIn) : null,
            missed_in_row: missedInRow(p.visits ?? []),
            end_reason: p.state === 'ended' ? 'goals_reached' : null,
            ended_on: endedOn,
            created_by: cm,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const link = `/aftercare/cases/${c.id}`;
        if (granted) {
          const consent = await tx
            .insertInto('aftercare_consents')
            .values({
              agency_id: a.id,
              case_id: c.id,
              household_id: households[i]!.id,
              carrier_id: carrier.id,
              purpose: 'Durchführung der Wohnintegrationshilfe: Hausbesuche, Hilfeplan, Vermittlung',
              form: 'written',
              given_on: ago(p.grantedDaysAgo! + 2),
              recorded_by: cm,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await tx.updateTable('aftercare_cases').set({ consent_id: consent.id }).where('id', '=', c.id).execute();
        }
        for (const v of p.visits ?? []) {
          await tx
            .insertInto('aftercare_visits')
            .values({
              agency_id: a.id,
              case_id: c.id,
              status: v.status,
              visited_on: ago(v.daysAgo),
              topics: v.topics,
              household_view: v.view ?? null,
              documented_by: worker,
            })
            .execute();
        }
        if (p.goal) {
          await tx
            .insertInto('aftercare_goals')
            .values({
              agency_id: a.id,
              case_id: c.id,
              goal: p.goal,
              measures: 'Gemeinsam einen Plan machen und Termine begleiten',
              responsible: 'Haushalt mit der Fachkraft des Trägers',
              review_on: addDays(today, 14),
              created_by: worker,
            })
            .execute();
        }
        if (p.state === 'active') {
          await tx
            .insertInto('deadlines')
            .values([
              {
                agency_id: a.id,
                subject_type: 'aftercare_case',
                subject_id: c.id,
                kind: 'aftercare_visit',
                title: `Hausbesuch ${reference}`,
                title_key: 'deadlineTitle.aftercare_visit',
                title_params: JSON.stringify({ reference }),
                link,
                due_at: endOfDayBerlin(addDays(today, p.nextVisitIn ?? 7)),
                assignee_id: worker,
                escalate_to_lead: false,
              },
              {
                agency_id: a.id,
                subject_type: 'aftercare_case',
                subject_id: c.id,
                kind: 'aftercare_end',
                title: `Ende der Nachsorge ${reference}: verlängern oder beenden`,
                title_key: 'deadlineTitle.aftercare_end',
                title_params: JSON.stringify({ reference }),
                link,
                due_at: endOfDayBerlin(until!),
                remind_at: endOfDayBerlin(addDays(until!, -28)),
                assignee_id: cm,
                escalate_to_lead: true,
              },
            ])
            .execute();
        }
        if (endedOn) {
          for (const months of [6, 12]) {
            const f = await tx
              .insertInto('aftercare_follow_ups')
              .values({ agency_id: a.id, case_id: c.id, months, due_on: addMonths(endedOn, months) })
              .returning(['id', 'due_on'])
              .executeTakeFirstOrThrow();
            await tx
              .insertInto('deadlines')
              .values({
                agency_id: a.id,
                subject_type: 'aftercare_follow_up',
                subject_id: f.id,
                kind: 'aftercare_follow_up',
                title: `Nachprüfung ${reference} (${months} Monate nach Ende): Wohnung noch gehalten?`,
                title_key: 'deadlineTitle.aftercare_follow_up',
                title_params: JSON.stringify({ reference, months }),
                link,
                due_at: endOfDayBerlin(f.due_on),
                assignee_id: cm,
              })
              .execute();
          }
        }
      }
    });
  }
}
