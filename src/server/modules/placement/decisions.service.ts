import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZDecision, ZTalk } from '../../../contracts/placement.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import { audit } from '../../platform/audit/audit.js';
import { generateDocument } from '../../platform/documents/documents.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { addJournalEntry } from '../households/households.service.js';
import { candidateRepository, type CandidateRow } from './candidates.repository.js';
import { loadOfferView, offerStep } from './offers.service.js';
import { OPEN_CANDIDATE_STATES } from './placement.machine.js';
import { leaseService, offerAddress } from './lease.service.js';
import { offerLink, placementEffects } from './placement.effects.js';
import type { OfferRow } from './placement.repository.js';
import { candidateStep, candidateView, visibleCandidate } from './shortlist.service.js';

export function decisionService(db: Kysely<DB>) {
  const out = async (tx: Tx, ctx: Ctx, offer: OfferRow, id: string) =>
    (await candidateView(tx, ctx, offer)).items.find((c) => c.id === id)!;

  /** Everyone involved in an offer's current round: the company's users, the case manager, social workers, meeting participants. */
  async function involved(tx: Tx, ctx: Ctx, offer: OfferRow, cands: CandidateRow[]) {
    const fx = placementEffects(tx, ctx);
    const rts = await candidateRepository(tx, ctx.actor.agencyId).roundTables(offer.id);
    return [
      ...(await fx.providerUsers(offer.provider_id)),
      offer.case_manager_id,
      ...cands.map((c) => c.social_worker_id),
      ...rts.filter((r) => r.round === offer.round).flatMap((r) => r.participant_ids),
    ];
  }

  return {
    decide: (ctx: Ctx, id: string, input: z.output<typeof ZDecision>) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, crepo, repo } = await visibleCandidate(tx, ctx, id, 'candidate.decision');
        offerStep(ctx, offer, 'pick');
        const fx = placementEffects(tx, ctx);
        if (input.decision === 'accept') {
          const to = candidateStep(ctx, c, 'accept');
          await crepo.set(id, { status: to });
          await fx.closeDeadlines(id, ['household_decision', 'follow_up_talk'], 'done');
          await repo.addEvent(
            offer.id,
            ctx.actor.userId,
            'accepted',
            { pseudonym: c.pseudonym, household: c.reference },
            { candidateId: id, providerVisible: true },
          );
          await fx.inform(
            [...(await fx.providerUsers(offer.provider_id)), offer.case_manager_id],
            'candidate.accepted',
            `${c.pseudonym} hat zugesagt (${offer.reference})`,
            `Der Haushalt möchte die Wohnung ${offer.street} beziehen.`,
            offerLink(offer.id),
            { text: { key: 'notice.candidateAccepted', params: { pseudonym: c.pseudonym, offer: offer.reference, street: offer.street } } },
          );
          audit(tx, ctx, { action: 'candidate.transition', entityId: id, details: { step: 'accept', from: c.status, to } });
        } else {
          const to = candidateStep(ctx, c, 'refuse');
          await crepo.set(id, { status: to, refusal_reason: input.reason!, refusal_text: input.text ?? null });
          await fx.closeDeadlines(id, ['household_decision'], 'done');
          const { placement } = await fx.settings();
          // The social worker finds the reasons at once and talks with the household.
          await fx.openDeadline({
            subjectType: 'candidate',
            subjectId: id,
            householdId: c.household_id,
            kind: 'follow_up_talk',
            title: `Nachgespräch nach Absage: ${c.pseudonym} (${c.reference}) zu ${offer.reference}`,
            text: {
              key: 'deadlineTitle.follow_up_talk',
              params: { pseudonym: c.pseudonym, candidate: c.reference, offer: offer.reference },
            },
            link: offerLink(offer.id),
            dueAt: await fx.dueAfterWorkingDays(placement.followUpWorkingDays),
            assigneeId: c.social_worker_id ?? offer.case_manager_id,
          });
          await repo.addEvent(
            offer.id,
            ctx.actor.userId,
            'refused',
            { pseudonym: c.pseudonym, household: c.reference, reason: input.reason, text: input.text },
            { candidateId: id, providerVisible: true },
          );
          await fx.inform(
            [c.social_worker_id, offer.case_manager_id],
            'candidate.refused',
            `${c.pseudonym} hat abgesagt (${offer.reference})`,
            'Bitte zeitnah ein Nachgespräch mit dem Haushalt führen.',
            offerLink(offer.id),
            { text: { key: 'notice.candidateRefusedOffice', params: { pseudonym: c.pseudonym, offer: offer.reference } } },
          );
          await fx.inform(
            await fx.providerUsers(offer.provider_id),
            'candidate.refused',
            `${c.pseudonym} hat abgesagt (${offer.reference})`,
            'Die Fachstelle klärt die Gründe mit dem Haushalt.',
            offerLink(offer.id),
            { text: { key: 'notice.candidateRefusedProvider', params: { pseudonym: c.pseudonym, offer: offer.reference } } },
          );
          audit(tx, ctx, {
            action: 'candidate.transition',
            entityId: id,
            details: { step: 'refuse', from: c.status, to, reason: input.reason },
          });
        }
        return out(tx, ctx, offer, id);
      }),

    /** A follow-up talk with the household, documented in its journal. */
    talk: (ctx: Ctx, id: string, input: z.output<typeof ZTalk>) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, repo } = await visibleCandidate(tx, ctx, id, 'candidate.talk');
        candidateStep(ctx, c, 'talk');
        const entry = await addJournalEntry(tx, ctx, c.household_id, {
          occurredAt: input.occurredAt,
          kind: 'contact',
          participation: input.participation,
          text: `Nachgespräch zum Wohnungsangebot ${offer.reference}: ${input.text}`,
        });
        // The candidate's household is in the agency: the candidate step above was already allowed.
        if (!entry) throw new AppError('not_found');
        await placementEffects(tx, ctx).closeDeadlines(id, ['follow_up_talk'], 'done');
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'talk',
          { pseudonym: c.pseudonym, household: c.reference, journal: entry.id },
          { candidateId: id },
        );
        audit(tx, ctx, { action: 'candidate.talk', entityId: id, details: { journal: entry.id } });
        return out(tx, ctx, offer, id);
      }),

    veto: (ctx: Ctx, id: string, reason: string) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, crepo, repo } = await visibleCandidate(tx, ctx, id, 'candidate.veto');
        if (!['shortlisting', 'round_table'].includes(offer.status))
          throw new AppError('invalid_transition', 'Das Angebot ist nicht mehr offen.', { currentState: offer.status });
        const to = candidateStep(ctx, c, 'veto');
        await crepo.set(id, { status: to, veto_reason: reason, decision_due_at: null });
        const fx = placementEffects(tx, ctx);
        await fx.closeDeadlines(id, ['household_decision', 'follow_up_talk'], 'cancelled');
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'vetoed',
          { pseudonym: c.pseudonym, household: c.reference, reason },
          { candidateId: id, providerVisible: true },
        );
        await fx.inform(
          [offer.case_manager_id, c.social_worker_id],
          'candidate.vetoed',
          `Veto gegen ${c.pseudonym} (${offer.reference})`,
          `Das Wohnungsunternehmen hat ein Veto eingelegt: ${reason}`,
          offerLink(offer.id),
          { text: { key: 'notice.candidateVetoed', params: { pseudonym: c.pseudonym, offer: offer.reference, reason } } },
        );
        audit(tx, ctx, { action: 'candidate.transition', entityId: id, details: { step: 'veto', from: c.status, to } });
        return out(tx, ctx, offer, id);
      }),

    /** The office allocates the flat to one accepted candidate; every other candidate returns to the pool. */
    allocate: (ctx: Ctx, id: string, note: string | null) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, crepo, repo } = await visibleCandidate(tx, ctx, id, 'candidate.allocate');
        const offerTo = offerStep(ctx, offer, 'allocate');
        const to = candidateStep(ctx, c, 'allocate');
        const fx = placementEffects(tx, ctx);
        await crepo.set(id, { status: to, decision_due_at: null });
        await fx.closeDeadlines(id, ['household_decision', 'follow_up_talk'], 'done');
        const released = await crepo.releaseOthers(offer.id, offer.round, id, OPEN_CANDIDATE_STATES);
        for (const r of released) {
          await fx.closeDeadlines(r.id, ['household_decision', 'follow_up_talk'], 'cancelled');
          await repo.addEvent(
            offer.id,
            ctx.actor.userId,
            'released',
            { pseudonym: r.pseudonym },
            { candidateId: r.id, providerVisible: true },
          );
        }
        const { placement } = await fx.settings();
        await repo.setOffer(offer.id, { status: offerTo });
        await fx.openDeadline({
          subjectType: 'offer',
          subjectId: offer.id,
          kind: 'contracts',
          title: `Garantie- und Mietvertrag abschließen: ${offer.reference}`,
          text: { key: 'deadlineTitle.contracts', params: { offer: offer.reference } },
          link: offerLink(offer.id),
          dueAt: await fx.dueAfterWorkingDays(placement.leaseWorkingDays),
          assigneeId: offer.case_manager_id ?? ctx.actor.userId,
        });
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'allocated',
          { pseudonym: c.pseudonym, household: c.reference, note },
          { candidateId: id, providerVisible: true },
        );
        const all = await crepo.ofOffer(offer.id, offer.round);
        await fx.inform(
          await involved(tx, ctx, offer, all),
          'offer.allocated',
          `Wohnung vergeben: ${offer.reference}`,
          `Die Wohnung ${offer.street} wurde an ${c.pseudonym} vergeben. Als Nächstes werden Garantievertrag und Mietvertrag abgeschlossen.`,
          offerLink(offer.id),
          { text: { key: 'notice.offerAllocated', params: { offer: offer.reference, street: offer.street, pseudonym: c.pseudonym } } },
        );
        await fx.inform(
          released.map((r) => all.find((x) => x.id === r.id)?.social_worker_id ?? null),
          'candidate.released',
          `Nicht ausgewählt: ${offer.reference}`,
          'Der Haushalt wurde für diese Wohnung nicht ausgewählt und ist wieder im Pool.',
          offerLink(offer.id),
          { text: { key: 'notice.candidateReleased', params: { offer: offer.reference } } },
        );
        const provider = (await repo.provider(offer.provider_id))!;
        await generateDocument(tx, ctx.actor.agencyId, {
          ownerType: 'offer',
          ownerId: offer.id,
          kind: 'allocation_notice',
          filename: `Vergabemitteilung-${offer.reference}`,
          createdBy: ctx.actor.userId,
          data: {
            reference: offer.reference,
            provider: {
              name: provider.name,
              address: [provider.street, `${provider.postal_code ?? ''} ${provider.city ?? ''}`.trim()].filter(Boolean).join('\n'),
            },
            household: { names: c.head_name.split(', ').reverse().join(' ') },
            object: {
              address: offerAddress(offer),
              rooms: Number(offer.rooms).toLocaleString('de-DE'),
              livingSpace: Number(offer.living_space).toLocaleString('de-DE'),
            },
            lease: {
              start: offer.available_from,
              coldRent: offer.cold_rent_cents,
              totalRent: offer.cold_rent_cents + offer.service_charges_cents + offer.heating_cents,
            },
            recipient: {
              name: provider.name,
              address: [provider.street, `${provider.postal_code ?? ''} ${provider.city ?? ''}`.trim()].filter(Boolean).join('\n'),
            },
          },
        });
        audit(tx, ctx, {
          action: 'candidate.transition',
          entityId: id,
          details: { step: 'allocate', from: c.status, to, released: released.length },
        });
        return loadOfferView(tx, ctx, offer.id);
      }),

    ...leaseService(db),
  };
}
export type DecisionService = ReturnType<typeof decisionService>;
