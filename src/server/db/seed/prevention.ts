import { contactStepCode } from '../../../contracts/admin.js';
import { inAgency } from '../database.js';
import type { Kysely } from 'kysely';
import { ZNoticeInput, type TNoticeInput } from '../../../contracts/prevention.js';
import { agencySettings } from '../../platform/auth/guard.js';
import { openDeadline } from '../../platform/deadlines/deadlines.service.js';
import { endOfDayBerlin, type FederalState } from '../../platform/deadlines/workdays.js';
import { openCasesInBulk } from '../../modules/prevention/prevention.bulk.js';
import { addDays, berlinToday, caseLink, derive } from '../../modules/prevention/prevention.derive.js';
import type { DB } from '../types.js';

/*
 * Demo data for prevention: per demo agency a handful of cases in varied states (a fresh court
 * notice, a landlord report being contacted, one in clearing, one with a rent-debt assumption, one
 * closed with the home kept) and two walk-in visits. Dates are relative to today; idempotent: only
 * when the agency has no prevention cases yet.
 */

type Demo = {
  notice: Omit<TNoticeInput, 'receivedOn' | 'postalCode' | 'city'> & { daysAgo: number };
  status: 'contacting' | 'clearing' | 'measures' | 'closed';
  attempts: { channel: string; result: string; daysAgo: number }[];
};

const at = (today: string, daysAgo: number, hour = 9) =>
  new Date(`${addDays(today, -daysAgo)}T${String(hour).padStart(2, '0')}:30:00+01:00`);

function demos(today: string): Demo[] {
  return [
    {
      status: 'contacting',
      attempts: [],
      notice: {
        daysAgo: 0,
        source: 'court_notice',
        sourceDetail: 'Amtsgericht',
        tenants: [{ firstName: 'Monika', lastName: 'Hartmann', birthDate: '1968-05-14', gender: 'female' }],
        street: 'Lindenstraße 12',
        landlordName: 'Stadtbau eG',
        monthlyRentCents: 58_000,
        arrearsCents: 174_000,
        courtName: 'Amtsgericht',
        courtFileNumber: '12 C 345/26',
        lawsuitServedOn: addDays(today, -5),
        hearingAt: at(today, -40, 10).toISOString(),
        terminationOn: addDays(today, -60),
      },
    },
    {
      status: 'contacting',
      attempts: [
        { channel: 'letter', result: 'letter_sent', daysAgo: 2 },
        { channel: 'phone', result: 'not_reached', daysAgo: 1 },
      ],
      notice: {
        daysAgo: 2,
        source: 'landlord',
        sourceDetail: 'Wohnungsbaugesellschaft Nord',
        tenants: [
          { firstName: 'Ahmet', lastName: 'Demir', birthDate: '1985-11-02', gender: 'male' },
          { firstName: 'Elif', lastName: 'Demir', birthDate: '1988-03-21', gender: 'female' },
        ],
        street: 'Am Wasserturm 3',
        landlordName: 'Wohnungsbaugesellschaft Nord',
        monthlyRentCents: 71_000,
        arrearsCents: 142_000,
        terminationOn: addDays(today, -10),
      },
    },
    {
      status: 'clearing',
      attempts: [
        { channel: 'letter', result: 'letter_sent', daysAgo: 9 },
        { channel: 'home_visit', result: 'reached', daysAgo: 6 },
      ],
      notice: {
        daysAgo: 9,
        source: 'court_notice',
        sourceDetail: 'Amtsgericht',
        tenants: [{ firstName: 'Jürgen', lastName: 'Wolff', birthDate: '1956-08-30', gender: 'male' }],
        street: 'Birkenweg 8',
        landlordName: 'Privatvermieterin R. Lange',
        monthlyRentCents: 49_000,
        arrearsCents: 98_000,
        courtName: 'Amtsgericht',
        courtFileNumber: '9 C 77/26',
        lawsuitServedOn: addDays(today, -14),
        ordinaryTermination: true,
        evictionAt: at(today, -21, 9).toISOString(),
      },
    },
    {
      status: 'measures',
      attempts: [{ channel: 'office', result: 'reached', daysAgo: 20 }],
      notice: {
        daysAgo: 20,
        source: 'self_referral',
        selfReferralVia: 'walk_in',
        tenants: [{ firstName: 'Sandra', lastName: 'Klein', birthDate: '1990-01-09', gender: 'female' }],
        street: 'Gartenstraße 27',
        landlordName: 'Immobilien Sommer GmbH',
        monthlyRentCents: 62_000,
        arrearsCents: 186_000,
        terminationOn: addDays(today, -25),
      },
    },
    {
      status: 'closed',
      attempts: [{ channel: 'phone', result: 'reached', daysAgo: 58 }],
      notice: {
        daysAgo: 60,
        source: 'job_centre',
        sourceDetail: 'Jobcenter',
        tenants: [{ firstName: 'Peter', lastName: 'Neumann', birthDate: '1975-06-17', gender: 'male' }],
        street: 'Schillerplatz 5',
        landlordName: 'Stadtbau eG',
        monthlyRentCents: 55_000,
        arrearsCents: 110_000,
      },
    },
  ];
}

export async function seedPrevention(db: Kysely<DB>, agencies: { id: string; city: string; postal: string }[]): Promise<void> {
  const today = berlinToday();
  for (const a of agencies) {
    await inAgency(db, a.id, async (tx) => {
      if (await tx.selectFrom('prevention_cases').select('id').where('agency_id', '=', a.id).executeTakeFirst()) return;
      const agency = await tx.selectFrom('agencies').select(['federal_state', 'settings']).where('id', '=', a.id).executeTakeFirstOrThrow();
      const settings = agencySettings(agency.settings).prevention;
      const staff = await tx
        .selectFrom('users')
        .select(['id', 'role'])
        .where('agency_id', '=', a.id)
        .where('role', 'in', ['case_manager', 'social_worker'])
        .orderBy('email')
        .execute();
      const cm = staff.find((s) => s.role === 'case_manager')?.id ?? null;
      const sw = staff.find((s) => s.role === 'social_worker')?.id ?? null;
      const list = demos(today);
      const who = { agencyId: a.id, actorId: cm, actorRole: 'case_manager', ip: null, purpose: 'demo' };
      const notices = list.map((d) =>
        ZNoticeInput.parse({ ...d.notice, receivedOn: addDays(today, -d.notice.daysAgo), postalCode: a.postal, city: a.city }),
      );
      const res = await openCasesInBulk(
        tx,
        who,
        notices.map((notice) => ({ notice, householdId: null, caseManagerId: cm, socialWorkerId: sw })),
        { now: at(today, 0, 8) },
      );
      for (const [i, d] of list.entries()) {
        const id = res.caseIds[i]!;
        if (!d.attempts.length && d.status === 'contacting') continue;
        const attempts = await tx
          .insertInto('prevention_contact_attempts')
          .values(
            d.attempts.map((x) => ({
              agency_id: a.id,
              case_id: id,
              channel: x.channel,
              at: at(today, x.daysAgo, 11),
              result: x.result,
              created_by: cm,
            })),
          )
          .returning(['id', 'channel', 'at', 'result', 'step_index'])
          .execute();
        const n = notices[i]!;
        const { columns } = derive(
          { ...n, reference: res.references[i]!, closed: d.status === 'closed' },
          attempts.map((x) => ({
            id: x.id,
            channel: x.channel as never,
            at: x.at as Date,
            result: x.result as never,
            stepIndex: x.step_index,
          })),
          settings,
          agency.federal_state as FederalState,
          today,
        );
        const closed = d.status === 'closed';
        await tx
          .updateTable('prevention_cases')
          .set({
            ...columns,
            status: d.status,
            outcome: closed ? 'home_kept' : null,
            outcome_note: closed ? 'Mietschulden als Darlehen übernommen, Vermieter setzt fort.' : null,
            closed_at: closed ? at(today, 10) : null,
            closed_by: closed ? cm : null,
            clearing: JSON.stringify(
              d.status === 'clearing' || d.status === 'measures' || closed
                ? {
                    threatStage: n.evictionAt ? 'eviction_date' : 'termination',
                    threatConfirmed: true,
                    triedSoFar: ['landlord_talk'],
                    income: ['citizens_income'],
                    unclaimedBenefits: ['housing_benefit'],
                    wishes: 'keep_home',
                    complete: d.status !== 'clearing',
                  }
                : {},
            ),
          })
          .where('id', '=', id)
          .execute();
        // The contact-step deadline follows the attempts: met ones are done, the next one opens.
        await tx
          .updateTable('deadlines')
          .set({ status: 'done', closed_at: new Date(), closed_by: cm })
          .where('subject_id', '=', id)
          .where('status', '=', 'open')
          .$if(!closed, (q) => q.where('kind', '=', 'prevention_contact'))
          .execute();
        const step = columns.next_contact_step === null ? null : settings.contactSteps[columns.next_contact_step];
        if (!closed && step && columns.next_contact_due_on) {
          await openDeadline(tx, a.id, {
            subjectType: 'prevention_case',
            subjectId: id,
            householdId: res.householdIds[i] || null,
            kind: 'prevention_contact',
            title: `${res.references[i]}: ${step.label} (Schritt ${columns.next_contact_step! + 1})`,
            text: {
              key: 'deadlineTitle.prevention_contact',
              params: {
                reference: res.references[i]!,
                step: step.label,
                stepCode: contactStepCode(step),
                n: columns.next_contact_step! + 1,
              },
            },
            link: caseLink(id),
            dueAt: endOfDayBerlin(columns.next_contact_due_on),
            assigneeId: cm,
            escalateToLead: false,
          });
        }
        if (d.status === 'measures' || closed) {
          await tx
            .insertInto('prevention_measures')
            .values({
              agency_id: a.id,
              case_id: id,
              kind: 'rent_debt_assumption',
              status: closed ? 'done' : 'applied',
              created_by: cm,
              data: JSON.stringify(
                closed
                  ? {
                      applicationOn: addDays(today, -50),
                      amountCents: n.arrearsCents,
                      legalBasis: 'sgb2_22_8',
                      decision: 'loan',
                      decidedOn: addDays(today, -40),
                      grantedCents: n.arrearsCents,
                      repaymentMonthlyCents: 5_000,
                      repaymentStartsOn: addDays(today, -20),
                      paidToLandlordOn: addDays(today, -35),
                    }
                  : { applicationOn: addDays(today, -5), amountCents: n.arrearsCents, legalBasis: 'sgb2_22_8' },
              ),
            })
            .execute();
          await tx
            .insertInto('prevention_referrals')
            .values({
              agency_id: a.id,
              case_id: id,
              kind: 'debt_counselling',
              status: 'referred',
              service: 'Schuldnerberatung',
              referred_on: addDays(today, -4),
              created_by: sw,
            })
            .execute();
        }
      }
      await tx
        .insertInto('prevention_visits')
        .values([
          {
            agency_id: a.id,
            kind: 'walk_in',
            visited_at: at(today, 1, 9),
            name: 'Frau Öztürk',
            concern: 'Mahnung wegen zwei Monatsmieten erhalten',
            outcome: 'advice_given',
            during_walk_in: true,
            created_by: cm,
          },
          {
            agency_id: a.id,
            kind: 'appointment',
            visited_at: at(today, 3, 14),
            name: 'Herr Schulze',
            concern: 'Kündigung des Vermieters',
            outcome: 'appointment_made',
            created_by: sw,
          },
        ])
        .execute();
    });
  }
}
