import type { Kysely } from 'kysely';
import { addMonths } from '../../modules/sustainment/ledger.js';
import { addWorkingDays, berlinDate, endOfDayBerlin, type FederalState } from '../../platform/deadlines/workdays.js';
import { inAgency } from '../database.js';
import { nextReference } from '../references.js';
import type { DB } from '../types.js';
import { seedIncidents } from './incidents.js';

/*
 * Demo data for sustainment: five tenancies per demo agency (households placed before wohnhilfe),
 * with rent defaults just reported, waiting for a re-check in its second round, due for payout and
 * secured with recovery under way, and a conflict in progress; one guarantee ends within months.
 * Deterministic (the same households, amounts and states on every run, dates relative to today)
 * and idempotent: only for agencies without tenancies of their own.
 */

const FLATS = [
  { street: 'Hohenheimer Straße 24', cold: 58_000, service: 13_000, heating: 7_500, yearsAgo: 1 },
  { street: 'Böblinger Straße 102', cold: 64_500, service: 15_000, heating: 9_000, yearsAgo: 2 },
  { street: 'Nordbahnhofstraße 61', cold: 71_000, service: 16_500, heating: 9_500, yearsAgo: 3 },
  { street: 'Löwentorstraße 9', cold: 52_000, service: 12_000, heating: 7_000, yearsAgo: 1 },
  { street: 'Augsburger Straße 330', cold: 67_000, service: 15_500, heating: 8_500, yearsAgo: 5 },
] as const;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedSustainment(
  db: Kysely<DB>,
  agencies: { id: string; state: string; prefix: string; city: string; postal: string }[],
): Promise<void> {
  for (const a of agencies) {
    await inAgency(db, a.id, async (tx) => {
      if (await tx.selectFrom('tenancies').select('id').where('agency_id', '=', a.id).where('offer_id', 'is', null).executeTakeFirst())
        return;
      const households = await tx
        .selectFrom('households')
        .select(['id', 'head_name', 'social_worker_id'])
        .where('agency_id', '=', a.id)
        .where('situation', 'in', ['housed', 'at_risk'])
        .orderBy('reference')
        .limit(FLATS.length)
        .execute();
      if (households.length < FLATS.length) return;
      const providers = await tx.selectFrom('housing_providers').select(['id']).where('agency_id', '=', a.id).orderBy('name').execute();
      const users = await tx
        .selectFrom('users')
        .select(['id', 'role', 'provider_id'])
        .where('agency_id', '=', a.id)
        .orderBy('email')
        .execute();
      const cm = users.find((u) => u.role === 'case_manager')!.id;
      const sw = users.find((u) => u.role === 'social_worker')!.id;
      const due = (days: number) => endOfDayBerlin(addWorkingDays(berlinDate(new Date()), days, a.state as FederalState));
      const deadline = (
        subjectType: string,
        subjectId: string,
        kind: string,
        title: string,
        link: string,
        dueAt: Date,
        assignee: string,
        escalate = true,
        params?: Record<string, string | number>,
      ) =>
        tx
          .insertInto('deadlines')
          .values({
            agency_id: a.id,
            subject_type: subjectType,
            subject_id: subjectId,
            kind,
            title,
            // The title's text key, as the modules store it (shown in the UI's language).
            title_key: params ? `deadlineTitle.${kind}` : null,
            title_params: params ? JSON.stringify(params) : null,
            link,
            due_at: dueAt,
            assignee_id: assignee,
            escalate_to_lead: escalate,
          })
          .execute();

      const tenancies: { id: string; reference: string; providerId: string }[] = [];
      for (const [i, f] of FLATS.entries()) {
        const h = households[i]!;
        // The portal demo company (first provider) holds most tenancies, so its login shows the work.
        const providerId = providers[i === 3 ? 1 % providers.length : 0]!.id;
        const start = addMonths(iso(new Date()), -12 * f.yearsAgo + (f.yearsAgo === 5 ? 4 : 0));
        const end = addMonths(start, 60);
        const endDay = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000);
        const reference = await nextReference(tx, a.id, 'tenancy', 'M', 4);
        const t = await tx
          .insertInto('tenancies')
          .values({
            agency_id: a.id,
            reference,
            household_id: h.id,
            provider_id: providerId,
            street: f.street,
            postal_code: a.postal,
            city: a.city,
            district: null,
            lease_start: start,
            lease_signed_on: start,
            cold_rent_cents: f.cold,
            service_charges_cents: f.service,
            heating_cents: f.heating,
            guarantee_start: start,
            guarantee_end: iso(endDay),
            guarantee_max_cents: 1_000_000,
            guarantee_items: ['rent_arrears', 'service_charge_arrears', 'damage'],
            guarantee_signed_on: start,
            contact_person_id: cm,
            social_worker_id: h.social_worker_id ?? sw,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await tx
          .updateTable('households')
          .set({ situation: 'housed', situation_since: start, seeking_housing: false })
          .where('id', '=', h.id)
          .execute();
        const link = `/sustainment/tenancies/${t.id}`;
        for (const months of [6, 1]) {
          const at = endOfDayBerlin(addMonths(iso(endDay), -months));
          if (at > new Date())
            await deadline(
              'tenancy',
              t.id,
              'guarantee_reminder',
              `Garantie ${reference} endet am ${iso(endDay).split('-').reverse().join('.')} (noch ${months} ${months === 1 ? 'Monat' : 'Monate'}): Abschlussbewertung vorbereiten`,
              link,
              at,
              cm,
              false,
              { reference, endOn: iso(endDay), count: months },
            );
        }
        await deadline('tenancy', t.id, 'closing_review', `Abschlussbewertung ${reference}`, link, endOfDayBerlin(iso(endDay)), cm, true, {
          reference,
          endOn: iso(endDay),
        });
        tenancies.push({ id: t.id, reference, providerId });
      }
      await seedIncidents(tx, a, tenancies, {
        cm,
        sw,
        providerUser: (pid: string) => users.find((u) => u.provider_id === pid)?.id ?? null,
        due,
        deadline,
      });
    });
  }
}
