import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZContractsInput } from '../../../contracts/placement.js';
import type { DB } from '../../db/types.js';
import { generateDocument } from '../../platform/documents/documents.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { householdFacts } from '../households/households.service.js';
import { startTenancy } from '../sustainment/tenancy-start.service.js';
import { candidateRepository } from './candidates.repository.js';
import { GUARANTEE_LABELS, guaranteeEnd } from './guarantee.js';
import { loadOfferView, offerStep, visibleOffer } from './offers.service.js';
import { OPEN_CANDIDATE_STATES } from './placement.machine.js';
import { offerLink, placementEffects } from './placement.effects.js';
import { placementRepository, type OfferRow } from './placement.repository.js';
import { audit } from '../../platform/audit/audit.js';

/** The flat's address as the letters print it. */
export const offerAddress = (o: OfferRow) =>
  `${o.street}, ${o.postal_code} ${o.city} (${o.district}, ${o.floor === 0 ? 'Erdgeschoss' : `${o.floor}. OG`})`;

/** The end of a placement round: guarantee contract and lease (handing over to sustainment), or a new round. */
export function leaseService(db: Kysely<DB>) {
  return {
    /** Records guarantee contract and lease; the lease start creates the tenancy sustainment carries on. */
    contracts: (ctx: Ctx, offerId: string, input: z.output<typeof ZContractsInput>) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        const offer = await visibleOffer(repo, ctx, offerId, 'offer.contracts', true);
        const to = offerStep(ctx, offer, 'concludeLease');
        const crepo = candidateRepository(tx, ctx.actor.agencyId);
        const c = (await crepo.ofOffer(offerId, offer.round)).find((x) => x.status === 'allocated');
        if (!c)
          throw new AppError('invalid_transition', 'Es gibt keinen Haushalt, dem die Wohnung vergeben wurde.', {
            currentState: offer.status,
          });
        const fx = placementEffects(tx, ctx);
        const { placement } = await fx.settings();
        const household = (await householdFacts(tx, ctx.actor.agencyId, c.household_id))!;
        const guarantee = {
          start: input.leaseStart,
          end: guaranteeEnd(input.leaseStart, placement.guaranteeYears),
          maxCents: input.guaranteeMaxCents ?? placement.guaranteeMaxCents,
          items: input.guaranteeItems ?? placement.guaranteeItems,
        };
        const rent = {
          cold: input.coldRentCents ?? offer.cold_rent_cents,
          service: input.serviceChargesCents ?? offer.service_charges_cents,
          heating: input.heatingCents ?? offer.heating_cents,
        };
        // Sustainment carries the tenancy on: the household is housed, its guarantee reminders start now.
        const tenancy = await startTenancy(tx, ctx, {
          household_id: c.household_id,
          provider_id: offer.provider_id,
          offer_id: offerId,
          candidate_id: c.id,
          street: offer.street,
          postal_code: offer.postal_code,
          city: offer.city,
          district: offer.district,
          lease_start: input.leaseStart,
          lease_signed_on: input.leaseSignedOn ?? null,
          cold_rent_cents: rent.cold,
          service_charges_cents: rent.service,
          heating_cents: rent.heating,
          guarantee_start: guarantee.start,
          guarantee_end: guarantee.end,
          guarantee_max_cents: guarantee.maxCents,
          guarantee_items: guarantee.items,
          guarantee_signed_on: input.guaranteeSignedOn ?? null,
          contact_person_id: offer.case_manager_id ?? household.case_manager_id ?? ctx.actor.userId,
          social_worker_id: household.social_worker_id,
          created_by: ctx.actor.userId,
        });
        await repo.setOffer(offerId, { status: to });
        await fx.closeDeadlines(offerId, ['contracts'], 'done');
        const provider = (await repo.provider(offer.provider_id))!;
        await generateDocument(tx, ctx.actor.agencyId, {
          ownerType: 'offer',
          ownerId: offerId,
          kind: 'guarantee_contract',
          filename: `Garantievertrag-${tenancy.reference}`,
          createdBy: ctx.actor.userId,
          data: {
            reference: tenancy.reference,
            provider: {
              name: provider.name,
              address: [provider.street, `${provider.postal_code ?? ''} ${provider.city ?? ''}`.trim()].filter(Boolean).join('\n'),
            },
            household: { names: c.head_name.split(', ').reverse().join(' ') },
            object: { address: offerAddress(offer) },
            lease: {
              start: input.leaseStart,
              coldRent: rent.cold,
              serviceCharges: rent.service,
              heating: rent.heating,
              totalRent: rent.cold + rent.service + rent.heating,
            },
            guarantee: {
              start: guarantee.start,
              end: guarantee.end,
              max: guarantee.maxCents,
              items: guarantee.items.map((i) => GUARANTEE_LABELS[i] ?? i),
            },
          },
        });
        await repo.addEvent(
          offerId,
          ctx.actor.userId,
          'contracts',
          { leaseStart: input.leaseStart, guaranteeEnd: guarantee.end, guaranteeMaxCents: guarantee.maxCents, tenancy: tenancy.id },
          { providerVisible: true },
        );
        await fx.inform(
          [...(await fx.providerUsers(offer.provider_id)), c.social_worker_id, offer.case_manager_id],
          'offer.let',
          `Mietverhältnis beginnt: ${offer.reference}`,
          `Garantievertrag und Mietvertrag sind erfasst. Mietbeginn ${input.leaseStart.split('-').reverse().join('.')}.`,
          offerLink(offerId),
          { text: { key: 'notice.offerLet', params: { offer: offer.reference, leaseStartOn: input.leaseStart } } },
        );
        audit(tx, ctx, { action: 'tenancy.create', entityId: tenancy.id, details: { offer: offerId, household: c.household_id } });
        return loadOfferView(tx, ctx, offerId);
      }),

    /** No lease came about (or the round table found nobody): a new round of shortlisting, history kept. */
    restart: (ctx: Ctx, offerId: string, reason: string) =>
      actorTx(db, ctx, async (tx) => {
        const repo = placementRepository(tx, ctx.actor.agencyId);
        const offer = await visibleOffer(repo, ctx, offerId, 'offer.restart', true);
        const to = offerStep(ctx, offer, 'restart');
        const crepo = candidateRepository(tx, ctx.actor.agencyId);
        const released = await crepo.releaseOthers(offerId, offer.round, null, [...OPEN_CANDIDATE_STATES, 'allocated']);
        await placementEffects(tx, ctx).closeOfferDeadlines(
          offerId,
          released.map((r) => r.id),
          'cancelled',
        );
        await repo.setOffer(offerId, { status: to, round: offer.round + 1 });
        const fx = placementEffects(tx, ctx);
        const { placement } = await fx.settings();
        await fx.openDeadline({
          subjectType: 'offer',
          subjectId: offerId,
          kind: 'round_table',
          title: `Runden Tisch für ${offer.reference} planen (Runde ${offer.round + 1})`,
          text: { key: 'deadlineTitle.round_table_again', params: { offer: offer.reference, round: offer.round + 1 } },
          link: offerLink(offerId),
          dueAt: await fx.dueAfterWorkingDays(placement.roundTableWorkingDays),
          assigneeId: offer.case_manager_id ?? ctx.actor.userId,
        });
        await repo.addEvent(offerId, ctx.actor.userId, 'restarted', { reason, round: offer.round + 1 }, { providerVisible: true });
        await placementEffects(tx, ctx).toProvider(
          offer,
          'Neue Vorauswahl',
          `Für die Wohnung ${offer.street} kam kein Mietvertrag zustande. Die Fachstelle wählt erneut Haushalte aus.`,
          { text: { key: 'notice.offerRestarted', params: { street: offer.street } } },
        );
        audit(tx, ctx, {
          action: 'offer.transition',
          entityId: offerId,
          details: { step: 'restart', from: offer.status, to, released: released.length },
        });
        return loadOfferView(tx, ctx, offerId);
      }),
  };
}
