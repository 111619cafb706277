import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { PORTAL_FIELDS, SGB_X_78_NOTICE, type TRanking, type ZCandidatePick, type ZConsentInput } from '../../../contracts/placement.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import { visibleHousehold } from '../households/households.service.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { agencySettings } from '../../platform/auth/guard.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { logRefusal, TransferRefused } from '../retention/consents.service.js';
import { actorTx } from '../../platform/http/tx.js';
import { candidateRepository, type CandidateRepository, type CandidateRow } from './candidates.repository.js';
import { offerStep, visibleOffer } from './offers.service.js';
import { CANDIDATE_STEPS, next } from './placement.machine.js';
import { offerLink, placementEffects } from './placement.effects.js';
import { presentCandidate, presentPortalCandidate } from './placement.present.js';
import { placementRepository, type OfferRow } from './placement.repository.js';
import { rankPool } from './ranking.js';
import type { RankingBasis } from './ranking.explain.js';
import { rankedEntry, rankingPage, shownIds, storedLists, type RankingPages } from './rankings.present.js';
import { rankingsRepository } from './rankings.repository.js';
import type { TCandidateState } from '../../../contracts/placement.js';

const PSEUDONYMS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Loads a candidate and its offer (locked), both visible to the actor, or 404. */
export async function visibleCandidate(tx: Tx, ctx: Ctx, id: string, permission: Parameters<typeof access.require>[1]) {
  access.require(ctx.actor, permission, { type: 'candidate', id });
  const crepo = candidateRepository(tx, ctx.actor.agencyId);
  const c = await crepo.find(id);
  if (!c) throw new AccessDenied(permission, { type: 'candidate', id });
  const repo = placementRepository(tx, ctx.actor.agencyId);
  const offer = await visibleOffer(repo, ctx, c.offer_id, permission, true).catch(() => {
    throw new AccessDenied(permission, { type: 'candidate', id });
  });
  // A company sees a candidate only while the household's consent for it is valid.
  if (
    ctx.actor.role === 'provider_user' &&
    (!c.consent_id || !(await crepo.validConsent(c.household_id, offer.provider_id, berlinDate(new Date()))))
  ) {
    throw new AccessDenied(permission, { type: 'candidate', id });
  }
  // Read again after the offer's lock: another step may have moved the candidate while we waited.
  return { c: (await crepo.find(id))!, offer, crepo, repo };
}

export function candidateStep(ctx: Ctx, c: CandidateRow, step: keyof typeof CANDIDATE_STEPS): TCandidateState {
  return next(CANDIDATE_STEPS, step, c.status as TCandidateState, ctx.actor.role);
}

/** The candidate list of an offer's current round as the actor may see it. */
export async function candidateView(tx: Tx, ctx: Ctx, offer: OfferRow) {
  const crepo = candidateRepository(tx, ctx.actor.agencyId);
  const [rows, viewings] = await Promise.all([crepo.ofOffer(offer.id, offer.round), crepo.viewingsOfOffer(offer.id)]);
  const consents = await crepo.validConsents([...new Set(rows.map((c) => c.household_id))], offer.provider_id, berlinDate(new Date()));
  if (ctx.actor.role === 'provider_user') {
    const shown = rows.filter((c) => c.consent_id && consents.has(c.household_id));
    return { items: shown.map((c) => presentPortalCandidate(c, offer.status, viewings)), notice: SGB_X_78_NOTICE };
  }
  const names = new Map(
    (await placementRepository(tx, ctx.actor.agencyId).users([...new Set(viewings.flatMap((v) => v.attendee_ids))])).map((u) => [
      u.id,
      u.display_name,
    ]),
  );
  const items = rows.map((c) => {
    const consent = consents.get(c.household_id);
    return presentCandidate(
      c,
      ctx.actor.role,
      offer.status,
      consent ? { id: consent.id, form: consent.form, givenOn: consent.given_on, validUntil: consent.valid_until } : null,
      viewings,
      names,
    );
  });
  return { items, notice: null };
}

export function shortlistService(db: Kysely<DB>) {
  const repoOf = (tx: Tx, ctx: Ctx) => placementRepository(tx, ctx.actor.agencyId);

  /** Ranks the pool for the offer under the rules it was checked with, and stores the result. */
  async function rank(tx: Tx, ctx: Ctx, offerId: string) {
    // As visibleOffer, with what ranking needs read in the same round trip.
    access.require(ctx.actor, 'ranking.create', { type: 'offer', id: offerId });
    const rrepo = rankingsRepository(tx, ctx.actor.agencyId);
    const found = await rrepo.offerToRank(offerId, access.providerScope(ctx.actor, 'o.provider_id'));
    const o = access.requireVisible(ctx.actor, 'ranking.create', found?.offer, { type: 'offer', id: offerId });
    const { rules, settings, busy } = found!; // found: requireVisible refuses a missing offer
    offerStep(ctx, o, 'rank');
    if (!rules) throw new AppError('invalid_transition', 'Das Angebot wurde noch nicht geprüft.', { currentState: o.status });
    const { weights } = agencySettings(settings).placement;
    const offer = {
      id: o.id,
      district: o.district,
      livingSpace: Number(o.living_space),
      rooms: Number(o.rooms),
      coldRentCents: o.cold_rent_cents,
      stepFree: o.step_free,
      wheelchair: o.wheelchair,
      petsAllowed: o.pets_allowed,
      preferred: o.preferred,
    };
    const result = await rankPool(tx, ctx.actor.agencyId, offer, rules, weights, busy);
    const { id: _, ...basisOffer } = offer;
    const basis: RankingBasis = { offer: basisOffer, rules };
    const lists = { basis, entries: result.entries, exclusions: result.exclusions };
    const first = { entriesPage: 1, exclusionsPage: 1 };
    const row = await rrepo.store(
      {
        offer_id: o.id,
        round: o.round,
        conditions_id: rules.id,
        weights: JSON.stringify(weights),
        pool_size: result.poolSize,
        eligible_count: result.eligibleCount,
        entries: JSON.stringify(result.entries),
        exclusions: JSON.stringify(result.exclusions),
        exclusion_counts: JSON.stringify(result.exclusionCounts),
        basis: JSON.stringify(basis),
        created_by: ctx.actor.userId,
      },
      { eligible: result.eligibleCount, pool: result.poolSize },
      shownIds(lists, first),
    );
    audit(tx, ctx, {
      action: 'ranking.create',
      entityId: o.id,
      details: { ranking: row.id, eligible: result.eligibleCount, shown: result.entries.length },
    });
    // The first pages, explained from the compact form just stored exactly as a later read explains it.
    const head = {
      id: row.id,
      offerId: o.id,
      round: o.round,
      createdAt: row.createdAt.toISOString(),
      createdBy: { id: ctx.actor.userId, displayName: row.createdByName ?? '' },
      weights,
      poolSize: result.poolSize,
      eligibleCount: result.eligibleCount,
      exclusionCounts: result.exclusionCounts,
    };
    return rankingPage(head, lists, first, row.names);
  }

  return {
    rank: (ctx: Ctx, offerId: string) => actorTx(db, ctx, (tx) => rank(tx, ctx, offerId)),

    rankings: (ctx: Ctx, offerId: string) =>
      actorTx(db, ctx, async (tx) => {
        await visibleOffer(repoOf(tx, ctx), ctx, offerId, 'ranking.read');
        const rows = await rankingsRepository(tx, ctx.actor.agencyId).rankings(offerId);
        return {
          items: rows.map((r) => ({
            id: r.id,
            offerId: r.offer_id,
            round: r.round,
            createdAt: r.created_at.toISOString(),
            createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
            weights: r.weights as TRanking['weights'],
            poolSize: r.pool_size,
            eligibleCount: r.eligible_count,
            exclusionCounts: r.exclusion_counts as Record<string, number>,
          })),
        };
      }),

    ranking: (ctx: Ctx, offerId: string, rankingId: string, pages: RankingPages) =>
      actorTx(db, ctx, async (tx) => {
        await visibleOffer(repoOf(tx, ctx), ctx, offerId, 'ranking.read');
        const rrepo = rankingsRepository(tx, ctx.actor.agencyId);
        const r = await rrepo.ranking(rankingId);
        if (!r || r.offer_id !== offerId) throw new AccessDenied('ranking.read', { type: 'offer', id: offerId });
        audit(tx, ctx, { action: 'ranking.read', entityId: offerId, details: { ranking: rankingId, ...pages } });
        const lists = storedLists(r);
        const head = {
          id: r.id,
          offerId: r.offer_id,
          round: r.round,
          createdAt: r.created_at.toISOString(),
          createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
          weights: r.weights as TRanking['weights'],
          poolSize: r.pool_size,
          eligibleCount: r.eligible_count,
          exclusionCounts: r.exclusion_counts as TRanking['exclusionCounts'],
        };
        return rankingPage(head, lists, pages, await rrepo.names(shownIds(lists, pages)));
      }),

    candidates: (ctx: Ctx, offerId: string) =>
      actorTx(db, ctx, async (tx) => {
        const o = await visibleOffer(repoOf(tx, ctx), ctx, offerId, 'candidate.list');
        const view = await candidateView(tx, ctx, o);
        audit(tx, ctx, { action: 'candidate.list', entityId: offerId, details: { shown: view.items.length } });
        return view;
      }),

    pick: (ctx: Ctx, offerId: string, input: z.output<typeof ZCandidatePick>, key: string | undefined) =>
      actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        const o = await visibleOffer(repo, ctx, offerId, 'candidate.pick', true);
        offerStep(ctx, o, 'pick');
        return idempotent(tx, ctx, key, { offerId, input }, async () => {
          const crepo = candidateRepository(tx, ctx.actor.agencyId);
          const h = await visibleHousehold(tx, ctx.actor, input.householdId);
          const field = (message: string) =>
            new AppError('validation_failed', undefined, { errors: [{ field: 'householdId', code: 'invalid_value', message }] });
          if (!h) throw field('Haushalt nicht gefunden.');
          if (
            !h.seeking_housing ||
            !['in_accommodation', 'hidden_homeless', 'rough_sleeping'].includes(h.situation) ||
            h.status !== 'active'
          )
            throw field('Der Haushalt ist nicht im Pool der Wohnungssuchenden.');
          const ranking = input.rankingId ? await rankingsRepository(tx, ctx.actor.agencyId).ranking(input.rankingId) : undefined;
          if (input.rankingId && (!ranking || ranking.offer_id !== offerId))
            throw new AppError('validation_failed', undefined, {
              errors: [{ field: 'rankingId', code: 'invalid_value', message: 'Rangfolge gehört nicht zu diesem Angebot.' }],
            });
          const entry = rankedEntry(ranking && storedLists(ranking), h.id);
          const n = Number((await crepo.countInRound(offerId, o.round)).n);
          const pseudonym = `Haushalt ${PSEUDONYMS[n % 26]}${n >= 26 ? Math.floor(n / 26) + 1 : ''}`;
          const { id } = await crepo
            .insert({
              offer_id: offerId,
              household_id: h.id,
              round: o.round,
              ranking_id: ranking?.id ?? null,
              rank: entry?.rank ?? null,
              score: entry?.score ?? null,
              pseudonym,
              comment: input.comment,
              move_in_from: input.moveInFrom ?? null,
              picked_by: ctx.actor.userId,
            })
            .catch((e: { code?: string }) => {
              if (e.code === '23505') throw field('Der Haushalt steht bereits auf der Vorauswahl.');
              throw e;
            });
          await repo.addEvent(offerId, ctx.actor.userId, 'picked', { pseudonym, household: h.reference }, { candidateId: id });
          audit(tx, ctx, {
            action: 'candidate.pick',
            entityId: id,
            details: { offer: offerId, household: h.id, rank: entry?.rank ?? null },
          });
          return (await candidateView(tx, ctx, o)).items.find((c) => c.id === id)!;
        });
      }),

    withdraw: (ctx: Ctx, id: string, reason: string) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, crepo, repo } = await visibleCandidate(tx, ctx, id, 'candidate.withdraw');
        offerStep(ctx, offer, 'pick');
        const to = candidateStep(ctx, c, 'withdraw');
        await crepo.set(id, { status: to });
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'candidate_withdrawn',
          { pseudonym: c.pseudonym, household: c.reference, reason },
          { candidateId: id, providerVisible: c.status !== 'shortlisted' },
        );
        audit(tx, ctx, { action: 'candidate.transition', entityId: id, details: { step: 'withdraw', from: c.status, to } });
        return (await candidateView(tx, ctx, offer)).items.find((x) => x.id === id)!;
      }),

    /** Presents a candidate to the housing company: only with the household's valid consent for it. */
    present: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const { c, offer, crepo, repo } = await visibleCandidate(tx, ctx, id, 'candidate.present');
        offerStep(ctx, offer, 'pick');
        const to = candidateStep(ctx, c, 'present');
        const consent = await crepo.validConsent(c.household_id, offer.provider_id, berlinDate(new Date()));
        if (!consent) {
          // Its own code: the step itself is allowed, what is missing is the household's consent.
          // Logged for the consent report after the rollback (logRefusal below).
          throw new TransferRefused(
            { householdId: c.household_id, providerId: offer.provider_id },
            'Ohne gültige Einwilligung des Haushalts für dieses Wohnungsunternehmen darf der Haushalt nicht vorgestellt werden (§ 67b SGB X).',
            { currentState: c.status },
          );
        }
        await crepo.set(id, { status: to, consent_id: consent.id });
        await crepo.addDisclosure({
          candidate_id: id,
          household_id: c.household_id,
          provider_id: offer.provider_id,
          consent_id: consent.id,
          fields: [...PORTAL_FIELDS],
          disclosed_by: ctx.actor.userId,
        });
        await repo.addEvent(
          offer.id,
          ctx.actor.userId,
          'presented',
          { pseudonym: c.pseudonym, household: c.reference },
          { candidateId: id, providerVisible: true },
        );
        const fx = placementEffects(tx, ctx);
        await fx.inform(
          await fx.providerUsers(offer.provider_id),
          'candidate.presented',
          `Neuer Haushalt für ${offer.reference}`,
          `${c.pseudonym} wurde Ihnen für die Wohnung ${offer.street} vorgestellt.`,
          offerLink(offer.id),
          { text: { key: 'notice.candidatePresented', params: { offer: offer.reference, pseudonym: c.pseudonym, street: offer.street } } },
        );
        audit(tx, ctx, {
          action: 'candidate.disclosed',
          entityId: id,
          details: { provider: offer.provider_id, consent: consent.id, fields: PORTAL_FIELDS },
        });
        return (await candidateView(tx, ctx, offer)).items.find((x) => x.id === id)!;
      }).catch(logRefusal(db, ctx)),

    // --- consents (per household) ---------------------------------------------------------------
    consents: (ctx: Ctx, householdId: string) =>
      actorTx(db, ctx, async (tx) => {
        const crepo = candidateRepository(tx, ctx.actor.agencyId);
        access.requireHousehold(ctx.actor, 'consent.list', await visibleHousehold(tx, ctx.actor, householdId), householdId);
        audit(tx, ctx, { action: 'consent.list', entityId: householdId });
        return { items: (await crepo.consents(householdId)).map((c) => presentConsent(c)) };
      }),

    addConsent: (ctx: Ctx, householdId: string, input: z.output<typeof ZConsentInput>, key: string | undefined) =>
      actorTx(db, ctx, async (tx) => {
        const crepo = candidateRepository(tx, ctx.actor.agencyId);
        access.requireHousehold(ctx.actor, 'consent.create', await visibleHousehold(tx, ctx.actor, householdId), householdId);
        return idempotent(tx, ctx, key, { householdId, input }, async () => {
          if (!(await repoOf(tx, ctx).provider(input.recipientProviderId))) {
            throw new AppError('validation_failed', undefined, {
              errors: [{ field: 'recipientProviderId', code: 'invalid_value', message: 'Unbekanntes Wohnungsunternehmen.' }],
            });
          }
          const { id } = await crepo.insertConsent({
            household_id: householdId,
            recipient_provider_id: input.recipientProviderId,
            given_by: input.givenBy,
            given_on: input.givenOn,
            form: input.form,
            minute: input.minute ?? null,
            text_version: input.textVersion,
            valid_until: input.validUntil ?? null,
            recorded_by: ctx.actor.userId,
          });
          audit(tx, ctx, {
            action: 'consent.create',
            entityId: householdId,
            details: { consent: id, provider: input.recipientProviderId, form: input.form },
          });
          return presentConsent((await crepo.consents(householdId)).find((c) => c.id === id)!);
        });
      }),

    withdrawConsent: (ctx: Ctx, householdId: string, consentId: string, note: string | null) =>
      actorTx(db, ctx, async (tx) => {
        const crepo = candidateRepository(tx, ctx.actor.agencyId);
        access.requireHousehold(ctx.actor, 'consent.withdraw', await visibleHousehold(tx, ctx.actor, householdId), householdId);
        const existing = (await crepo.consents(householdId)).find((c) => c.id === consentId);
        if (!existing) throw new AccessDenied('consent.withdraw', { type: 'household', id: householdId });
        const done = await crepo.withdrawConsent(householdId, consentId, ctx.actor.userId, note);
        if (!done) throw new AppError('conflict', 'Diese Einwilligung wurde bereits widerrufen.');
        audit(tx, ctx, { action: 'consent.withdraw', entityId: householdId, details: { consent: consentId } });
        return presentConsent((await crepo.consents(householdId)).find((c) => c.id === consentId)!);
      }),
  };
}

function presentConsent(c: Awaited<ReturnType<CandidateRepository['consents']>>[number]) {
  const today = berlinDate(new Date());
  return {
    id: c.id,
    householdId: c.household_id,
    purpose: c.purpose,
    recipient: { id: c.recipient_provider_id, name: c.provider_name },
    givenBy: c.given_by,
    givenOn: c.given_on,
    form: c.form as 'written' | 'electronic' | 'oral',
    minute: c.minute,
    textVersion: c.text_version,
    validUntil: c.valid_until,
    recordedBy: c.recorded_by ? { id: c.recorded_by, displayName: c.recorded_by_name ?? '' } : null,
    recordedAt: c.recorded_at.toISOString(),
    withdrawnAt: c.withdrawn_at ? c.withdrawn_at.toISOString() : null,
    withdrawalNote: c.withdrawal_note,
    valid: !c.withdrawn_at && c.given_on <= today && (!c.valid_until || c.valid_until >= today),
  };
}
export type ShortlistService = ReturnType<typeof shortlistService>;
