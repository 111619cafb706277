import { addMonths } from '../../modules/sustainment/ledger.js';
import { endOfDayBerlin } from '../../platform/deadlines/workdays.js';
import type { Tx } from '../database.js';
import { nextReference } from '../references.js';

/* The demo incidents of the sustainment seed: five tenancies' rent defaults and a conflict in several states. */

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => iso(new Date(Date.now() + n * 86_400_000));

export type Helpers = {
  cm: string;
  sw: string;
  providerUser: (providerId: string) => string | null;
  due: (days: number) => Date;
  deadline: (
    subjectType: string,
    subjectId: string,
    kind: string,
    title: string,
    link: string,
    dueAt: Date,
    assignee: string,
    escalate?: boolean,
    params?: Record<string, string | number>,
  ) => Promise<unknown>;
};

export async function seedIncidents(tx: Tx, a: { id: string }, ts: { id: string; reference: string; providerId: string }[], x: Helpers) {
  const months = (n: number) => Array.from({ length: n }, (_, k) => addMonths(iso(new Date()), -(n - k)).slice(0, 7));
  const incident = async (
    t: (typeof ts)[number],
    kind: string,
    state: string,
    values: Record<string, unknown>,
    steps: [string, string | null, string, string | null, Record<string, unknown>][],
  ) => {
    const reference = await nextReference(tx, a.id, 'incident', 'V', 4);
    const reporter = x.providerUser(t.providerId);
    const row = await tx
      .insertInto('incidents')
      .values({
        agency_id: a.id,
        reference,
        tenancy_id: t.id,
        provider_id: t.providerId,
        kind,
        state,
        reported_via: reporter ? 'portal' : 'office',
        reported_by: reporter ?? x.cm,
        reported_at: new Date(Date.now() - 30 * 86_400_000),
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [k, [step, from, to, actor, details]] of steps.entries()) {
      await tx
        .insertInto('incident_events')
        .values({
          agency_id: a.id,
          incident_id: row.id,
          at: new Date(Date.now() - (30 - k * 3) * 86_400_000),
          actor_id: actor,
          step,
          from_state: from,
          to_state: to,
          round: Number(details.round ?? 1),
          details: JSON.stringify(details),
          provider_details: ['recordReasons', 'recordContact'].includes(step) ? null : JSON.stringify(details),
        })
        .execute();
    }
    return { id: row.id, reference, link: `/sustainment/incidents/${row.id}` };
  };
  const p = (t: (typeof ts)[number]) => x.providerUser(t.providerId);

  // 1. Just reported in the portal: the contact person passes it on.
  const m1 = months(1);
  const i1 = await incident(ts[0]!, 'rent_default', 'reported', { months: m1, amount_cents: 78_500 }, [
    ['report', null, 'reported', p(ts[0]!), { months: m1, amountCents: 78_500 }],
  ]);
  await x.deadline(
    'incident',
    i1.id,
    'incident_forward',
    `${i1.reference}: Mietausfall an die Sozialarbeit weitergeben (${ts[0]!.reference})`,
    i1.link,
    x.due(1),
    x.cm,
    true,
    { incident: i1.reference, kind: 'rent_default', tenancy: ts[0]!.reference },
  );

  // 2. Second round: the company waits again, re-check in a week.
  const m2 = months(2);
  const i2 = await incident(
    ts[1]!,
    'rent_default',
    'waiting',
    {
      months: m2,
      amount_cents: 177_000,
      round: 2,
      decision: 'wait',
      recheck_on: daysFromNow(7),
      reasons: 'Bürgergeld-Bescheid verspätet; Weiterbewilligungsantrag läuft.',
      provider_message: 'Die Leistung ist beantragt, Zahlung wird nachgeholt.',
    },
    [
      ['report', null, 'reported', p(ts[1]!), { months: m2.slice(0, 1), amountCents: 88_500 }],
      ['forward', 'reported', 'clarifying', x.cm, {}],
      ['recordReasons', 'clarifying', 'reasons_recorded', x.sw, { reasons: 'Jobcenter-Bescheid verspätet.' }],
      ['informProvider', 'reasons_recorded', 'awaiting_decision', x.cm, { message: 'Bescheid kommt verspätet.' }],
      ['wait', 'awaiting_decision', 'waiting', p(ts[1]!), { recheckOn: daysFromNow(-9) }],
      ['recheckUnpaid', 'waiting', 'clarifying', p(ts[1]!), { months: m2, amountCents: 177_000, round: 2 }],
      ['recordReasons', 'clarifying', 'reasons_recorded', x.sw, { reasons: 'Weiterbewilligungsantrag läuft.', round: 2 }],
      ['informProvider', 'reasons_recorded', 'awaiting_decision', x.cm, { message: 'Die Leistung ist beantragt.', round: 2 }],
      ['wait', 'awaiting_decision', 'waiting', p(ts[1]!), { recheckOn: daysFromNow(7), round: 2 }],
    ],
  );
  await x.deadline(
    'incident',
    i2.id,
    'incident_recheck',
    `${i2.reference}: Wiedervorlage – ist die Miete bezahlt? (${ts[1]!.reference})`,
    i2.link,
    endOfDayBerlin(daysFromNow(7)),
    x.cm,
    true,
    { incident: i2.reference, tenancy: ts[1]!.reference },
  );

  // 3. Paid out and secured: recovery by instalments is under way.
  const m3 = months(2);
  const i3 = await incident(
    ts[2]!,
    'rent_default',
    'secured',
    {
      months: m3,
      amount_cents: 194_000,
      decision: 'demand_payment',
      reasons: 'Arbeitsplatzverlust, Schulden.',
      provider_message: 'Keine kurzfristige Zahlung möglich.',
    },
    [
      ['report', null, 'reported', p(ts[2]!), { months: m3, amountCents: 194_000 }],
      ['forward', 'reported', 'clarifying', x.cm, {}],
      ['recordReasons', 'clarifying', 'reasons_recorded', x.sw, { reasons: 'Arbeitsplatzverlust.' }],
      ['informProvider', 'reasons_recorded', 'awaiting_decision', x.cm, { message: 'Keine kurzfristige Zahlung möglich.' }],
      ['demandPayment', 'awaiting_decision', 'payout_due', p(ts[2]!), {}],
      ['payout', 'payout_due', 'assignment_pending', x.cm, { amountCents: 194_000 }],
      ['confirmAssignment', 'assignment_pending', 'secured', x.cm, { receivedOn: daysFromNow(-10) }],
    ],
  );
  await tx
    .insertInto('guarantee_payouts')
    .values({
      agency_id: a.id,
      tenancy_id: ts[2]!.id,
      incident_id: i3.id,
      amount_cents: 194_000,
      paid_on: daysFromNow(-14),
      months: m3,
      assignment_received_on: daysFromNow(-10),
      created_by: x.cm,
    })
    .execute();
  const ag = await tx
    .insertInto('recovery_agreements')
    .values({
      agency_id: a.id,
      tenancy_id: ts[2]!.id,
      incident_id: i3.id,
      instalment_cents: 5_000,
      starts_on: daysFromNow(-8),
      interval_months: 1,
      note: 'Rate aus dem Bürgergeld',
      created_by: x.sw,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('recovery_payments')
    .values({
      agency_id: a.id,
      tenancy_id: ts[2]!.id,
      agreement_id: ag.id,
      amount_cents: 5_000,
      paid_on: daysFromNow(-7),
      created_by: x.sw,
    })
    .execute();

  // 4. A conflict in progress: the household was not reached yet.
  const i4 = await incident(
    ts[3]!,
    'conflict',
    'in_progress',
    { category: 'noise', description: 'Wiederholt laute Musik nach 22 Uhr, Beschwerden aus dem Haus.', occurred_on: daysFromNow(-4) },
    [
      ['report', null, 'reported', p(ts[3]!), { category: 'noise', occurredOn: daysFromNow(-4) }],
      ['forward', 'reported', 'in_progress', x.cm, {}],
      ['recordContact', 'in_progress', 'in_progress', x.sw, { channel: 'phone', reached: false }],
    ],
  );
  await tx
    .insertInto('incident_contacts')
    .values({
      agency_id: a.id,
      incident_id: i4.id,
      occurred_at: new Date(Date.now() - 86_400_000),
      channel: 'phone',
      reached: false,
      note: 'Nicht erreicht, Nachricht hinterlassen.',
      recorded_by: x.sw,
    })
    .execute();
  await x.deadline(
    'incident',
    i4.id,
    'incident_contact',
    `${i4.reference}: Haushalt sofort kontaktieren (Konflikt, ${ts[3]!.reference})`,
    i4.link,
    x.due(1),
    x.sw,
    true,
    { incident: i4.reference, tenancy: ts[3]!.reference },
  );

  // 5. The company demands payment at once: the payout is due (this guarantee ends within months).
  const m5 = months(1);
  const i5 = await incident(
    ts[4]!,
    'rent_default',
    'payout_due',
    {
      months: m5,
      amount_cents: 91_000,
      decision: 'demand_payment',
      reasons: 'Keine Mitwirkung.',
      provider_message: 'Der Haushalt hat sich nicht gemeldet.',
    },
    [
      ['report', null, 'reported', p(ts[4]!), { months: m5, amountCents: 91_000 }],
      ['forward', 'reported', 'clarifying', x.cm, {}],
      ['recordReasons', 'clarifying', 'reasons_recorded', x.sw, { reasons: 'Keine Mitwirkung.' }],
      ['informProvider', 'reasons_recorded', 'awaiting_decision', x.cm, { message: 'Der Haushalt hat sich nicht gemeldet.' }],
      ['demandPayment', 'awaiting_decision', 'payout_due', p(ts[4]!), {}],
    ],
  );
  await x.deadline(
    'incident',
    i5.id,
    'incident_payout',
    `${i5.reference}: Garantieleistung sofort auszahlen (${ts[4]!.reference})`,
    i5.link,
    x.due(2),
    x.cm,
    true,
    { incident: i5.reference, tenancy: ts[4]!.reference },
  );
}
