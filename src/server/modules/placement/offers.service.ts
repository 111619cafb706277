import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZOfferInput, ZOfferListQuery, ZOfferUpdate } from '../../../contracts/placement.js';
import type { TOfferState } from '../../../contracts/placement.js';
import type { DB } from '../../db/types.js';
import type { Tx } from '../../db/database.js';
import * as access from '../../platform/access/access.js';
import type { Permission } from '../../platform/access/registry.js';
import { audit } from '../../platform/audit/audit.js';
import { berlinDate } from '../../platform/deadlines/workdays.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { idempotent } from '../../platform/http/idempotency.js';
import { actorTx } from '../../platform/http/tx.js';
import type { ExportLang } from '../../platform/export/columns.js';
import { exportList } from '../../platform/export/export.js';
import type { ExportFormat } from '../../platform/export/render.js';
import { offerExport } from './offers.export.js';
import { candidateRepository } from './candidates.repository.js';
import { checkOffer, toRule, declineText } from './conditions.js';
import { OFFER_STEPS, next, OPEN_CANDIDATE_STATES } from './placement.machine.js';
import { eventText, presentOffer } from './placement.present.js';
import { offerLink, placementEffects } from './placement.effects.js';
import { placementRepository, type OfferRow, type PlacementRepository } from './placement.repository.js';

type OfferInput = z.output<typeof ZOfferInput>;

/** Loads an offer the actor may see for `permission` (optionally locking it), or 404. */
export async function visibleOffer(
  repo: PlacementRepository,
  ctx: Ctx,
  id: string,
  permission: Permission,
  lock = false,
): Promise<OfferRow> {
  access.require(ctx.actor, permission, { type: 'offer', id });
  const row = await repo.findOffer(id, lock, access.providerScope(ctx.actor, 'offers.provider_id'));
  return access.requireVisible(ctx.actor, permission, row, { type: 'offer', id });
}

/** Applies an offer step: role and state are checked by the machine (403 / 409). */
export function offerStep(ctx: Ctx, offer: Pick<OfferRow, 'status'>, step: keyof typeof OFFER_STEPS): TOfferState {
  return next(OFFER_STEPS, step, offer.status as TOfferState, ctx.actor.role);
}

export async function loadOfferView(tx: Tx, ctx: Ctx, id: string) {
  const repo = placementRepository(tx, ctx.actor.agencyId);
  const o = (await repo.findOffer(id))!;
  const cands = await candidateRepository(tx, ctx.actor.agencyId).ofOffer(id);
  const [attachments, documents, deadlines, tenancy] = await Promise.all([
    repo.attachments(id),
    repo.documents([id, ...cands.map((c) => c.id)]),
    repo.openDeadlines([id, ...cands.map((c) => c.id)]),
    repo.tenancyOfOffer(id),
  ]);
  return presentOffer(o, ctx.actor.role, { attachments, documents, deadlines, tenancyId: tenancy?.id ?? null });
}

type OfferListQuery = z.output<typeof ZOfferListQuery>;

/** One page of the offer list as the API shows it (the list and its export); a housing company sees only its own. */
async function listPage(tx: Tx, ctx: Ctx, q: OfferListQuery) {
  const { total, rows } = await placementRepository(tx, ctx.actor.agencyId).listOffers(
    access.providerScope(ctx.actor, 'offers.provider_id'),
    access.isProviderView(ctx.actor),
    q,
    ctx.actor.userId,
  );
  const now = new Date();
  const provider = ctx.actor.role === 'provider_user';
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      provider: { id: r.provider_id, name: r.provider_name },
      status: r.status as TOfferState,
      address: `${r.street}, ${r.postal_code} ${r.city}`,
      district: r.district,
      rooms: Number(r.rooms),
      livingSpace: Number(r.living_space),
      coldRentCents: r.cold_rent_cents,
      availableFrom: r.available_from,
      caseManager: r.case_manager_id ? { id: r.case_manager_id, displayName: r.case_manager_name ?? '' } : null,
      candidates: Number(r.candidates ?? 0),
      nextDeadline:
        !provider && r.nd_id
          ? { id: r.nd_id, kind: r.nd_kind!, title: r.nd_title!, dueAt: r.nd_due_at!.toISOString(), overdue: r.nd_due_at! <= now }
          : null,
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

export function offerService(db: Kysely<DB>) {
  const repoOf = (tx: Tx, ctx: Ctx) => placementRepository(tx, ctx.actor.agencyId);

  /** Runs one step on a locked offer and returns the fresh view. */
  const transition = (
    ctx: Ctx,
    id: string,
    permission: Permission,
    body: (tx: Tx, repo: PlacementRepository, o: OfferRow) => Promise<void>,
  ) =>
    actorTx(db, ctx, async (tx) => {
      const repo = repoOf(tx, ctx);
      const o = await visibleOffer(repo, ctx, id, permission, true);
      await body(tx, repo, o);
      return loadOfferView(tx, ctx, id);
    });

  const checkVersion = (o: OfferRow, version: number | undefined) => {
    if (version !== undefined && o.version !== version)
      throw new AppError('precondition_failed', undefined, { currentState: String(o.version) });
  };

  return {
    list(ctx: Ctx, q: OfferListQuery) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'offer.list');
        const page = await listPage(tx, ctx, q);
        audit(tx, ctx, { action: 'offer.list', details: { status: q.status ?? null, page: q.page, results: page.items.length } });
        return page;
      });
    },

    /** The list as a file: the same query and scope without paging (cut at the export limit), audited as an export. */
    export(ctx: Ctx, q: Omit<OfferListQuery, 'page' | 'pageSize'>, out: { format: ExportFormat; lang: ExportLang }) {
      return exportList(db, ctx, { def: offerExport, permission: 'offer.list', filters: q, ...out }, (tx, limit) =>
        listPage(tx, ctx, { ...q, page: 1, pageSize: limit }),
      );
    },

    get(ctx: Ctx, id: string) {
      return actorTx(db, ctx, async (tx) => {
        await visibleOffer(repoOf(tx, ctx), ctx, id, 'offer.read');
        audit(tx, ctx, { action: 'offer.read', entityId: id });
        return loadOfferView(tx, ctx, id);
      });
    },

    create(ctx: Ctx, input: OfferInput & { submit?: boolean }, key: string | undefined) {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'offer.create');
        return idempotent(tx, ctx, key, input, async () => {
          const repo = repoOf(tx, ctx);
          const providerId = ctx.actor.role === 'provider_user' ? ctx.actor.providerId! : input.providerId;
          if (!providerId || !(await repo.provider(providerId))) {
            throw new AppError('validation_failed', undefined, {
              errors: [{ field: 'providerId', code: 'invalid_value', message: 'Bitte ein Wohnungsunternehmen dieser Behörde wählen.' }],
            });
          }
          // Staff enter offers on a company's behalf as submitted; a company keeps a draft until it submits.
          const staff = ctx.actor.role !== 'provider_user';
          const status = staff || input.submit ? 'submitted' : 'draft';
          const reference = await repo.nextReference();
          const { id } = await repo.insertOffer(
            reference,
            providerId,
            status,
            input,
            ctx.actor.userId,
            ctx.actor.role === 'case_manager' ? ctx.actor.userId : null,
          );
          await repo.addEvent(id, ctx.actor.userId, 'created', {}, { providerVisible: true });
          if (status === 'submitted') {
            await repo.addEvent(id, ctx.actor.userId, 'submitted', {}, { providerVisible: true });
            await placementEffects(tx, ctx).offerSubmitted(id, reference, ctx.actor.role === 'case_manager' ? ctx.actor.userId : null);
          }
          audit(tx, ctx, { action: 'offer.create', entityId: id, details: { status } });
          return loadOfferView(tx, ctx, id);
        });
      });
    },

    update(ctx: Ctx, id: string, input: z.output<typeof ZOfferUpdate>, version: number) {
      return transition(ctx, id, 'offer.update', async (tx, repo, o) => {
        offerStep(ctx, o, 'edit');
        checkVersion(o, version);
        const row = await repo.updateOffer(id, version, input);
        if (!row) throw new AppError('precondition_failed');
        await repo.addEvent(id, ctx.actor.userId, 'updated', {}, { providerVisible: true });
        audit(tx, ctx, { action: 'offer.update', entityId: id, details: { version: row.version } });
      });
    },

    submit(ctx: Ctx, id: string, version?: number) {
      return transition(ctx, id, 'offer.submit', async (tx, repo, o) => {
        const to = offerStep(ctx, o, 'submit');
        checkVersion(o, version);
        await repo.setOffer(id, { status: to });
        await repo.addEvent(id, ctx.actor.userId, 'submitted', {}, { providerVisible: true });
        await placementEffects(tx, ctx).offerSubmitted(id, o.reference, o.case_manager_id);
        audit(tx, ctx, { action: 'offer.transition', entityId: id, details: { step: 'submit', from: o.status, to } });
      });
    },

    /** Checks the offer against the conditions valid today; the offer keeps the version it was checked under. */
    check(ctx: Ctx, id: string) {
      return transition(ctx, id, 'offer.check', async (tx, repo, o) => {
        offerStep(ctx, o, 'check');
        const today = berlinDate(new Date());
        const rules = await repo.conditionsAt(today);
        if (!rules)
          throw new AppError(
            'conflict',
            'Für heute sind keine Programmbedingungen hinterlegt. Bitte zuerst unter „Programmbedingungen“ anlegen.',
          );
        const check = checkOffer(
          toRule(rules),
          { livingSpace: Number(o.living_space), rooms: Number(o.rooms), coldRentCents: o.cold_rent_cents, equipment: o.equipment },
          new Date(),
        );
        await repo.setOffer(id, {
          check_result: JSON.stringify(check),
          conditions_id: rules.id,
          checked_at: new Date(),
          ...(o.case_manager_id ? {} : { case_manager_id: ctx.actor.userId }),
        });
        await repo.addEvent(id, ctx.actor.userId, 'checked', { eligible: check.eligible, conditionsId: rules.id });
        audit(tx, ctx, { action: 'offer.check', entityId: id, details: { eligible: check.eligible, conditions: rules.id } });
      });
    },

    approve(ctx: Ctx, id: string) {
      return transition(ctx, id, 'offer.decide', async (tx, repo, o) => {
        const to = offerStep(ctx, o, 'approve');
        const check = o.check_result as { eligible: boolean } | null;
        if (!check)
          throw new AppError('invalid_transition', 'Das Angebot wurde noch nicht gegen die Programmbedingungen geprüft.', {
            currentState: o.status,
          });
        if (!check.eligible)
          throw new AppError('invalid_transition', 'Das Angebot erfüllt die Programmbedingungen nicht; es kann nur abgelehnt werden.', {
            currentState: o.status,
          });
        await repo.setOffer(id, { status: to, ...(o.case_manager_id ? {} : { case_manager_id: ctx.actor.userId }) });
        await repo.addEvent(id, ctx.actor.userId, 'approved', {}, { providerVisible: true });
        const fx = placementEffects(tx, ctx);
        await fx.closeDeadlines(id, ['offer_check'], 'done');
        const { placement } = await fx.settings();
        await fx.openDeadline({
          subjectType: 'offer',
          subjectId: id,
          kind: 'round_table',
          title: `Runden Tisch für ${o.reference} planen`,
          text: { key: 'deadlineTitle.round_table', params: { offer: o.reference } },
          link: offerLink(id),
          dueAt: await fx.dueAfterWorkingDays(placement.roundTableWorkingDays),
          assigneeId: o.case_manager_id ?? ctx.actor.userId,
        });
        await placementEffects(tx, ctx).toProvider(
          o,
          'Angebot angenommen',
          `Ihr Wohnungsangebot ${o.reference} erfüllt die Programmbedingungen. Die Fachstelle wählt jetzt passende Haushalte aus.`,
          { text: { key: 'notice.offerApproved', params: {} } },
        );
        audit(tx, ctx, { action: 'offer.transition', entityId: id, details: { step: 'approve', from: o.status, to } });
      });
    },

    decline(ctx: Ctx, id: string, reason: string | undefined) {
      return transition(ctx, id, 'offer.decide', async (tx, repo, o) => {
        const to = offerStep(ctx, o, 'decline');
        const check = o.check_result as Parameters<typeof declineText>[0] | null;
        const text = reason?.trim() || (check && !check.eligible ? declineText(check) : '');
        if (!text)
          throw new AppError('validation_failed', undefined, {
            errors: [{ field: 'reason', code: 'too_small', message: 'Bitte den Grund der Ablehnung angeben.' }],
          });
        await repo.setOffer(id, { status: to, decline_reason: text });
        await placementEffects(tx, ctx).closeDeadlines(id, ['offer_check'], 'done');
        await repo.addEvent(id, ctx.actor.userId, 'declined', { reason: text }, { providerVisible: true });
        await placementEffects(tx, ctx).toProvider(
          o,
          'Angebot abgelehnt',
          `Ihr Wohnungsangebot ${o.reference} wurde abgelehnt. Grund: ${text}`,
          { text: { key: 'notice.offerDeclined', params: { reason: text } } },
        );
        audit(tx, ctx, { action: 'offer.transition', entityId: id, details: { step: 'decline', from: o.status, to } });
      });
    },

    withdraw(ctx: Ctx, id: string, reason: string) {
      return transition(ctx, id, 'offer.withdraw', async (tx, repo, o) => {
        const to = offerStep(ctx, o, 'withdraw');
        await repo.setOffer(id, { status: to, decline_reason: reason });
        const released = await candidateRepository(tx, ctx.actor.agencyId).releaseOthers(id, o.round, null, OPEN_CANDIDATE_STATES);
        await placementEffects(tx, ctx).closeOfferDeadlines(
          id,
          released.map((r) => r.id),
          'cancelled',
        );
        await repo.addEvent(id, ctx.actor.userId, 'withdrawn', { reason }, { providerVisible: true });
        if (ctx.actor.role === 'provider_user')
          await placementEffects(tx, ctx).toOffice(
            o,
            'Angebot zurückgezogen',
            `Das Wohnungsunternehmen hat das Angebot ${o.reference} zurückgezogen: ${reason}`,
            { text: { key: 'notice.offerWithdrawn', params: { reason } } },
          );
        audit(tx, ctx, {
          action: 'offer.transition',
          entityId: id,
          details: { step: 'withdraw', from: o.status, to, released: released.length },
        });
      });
    },

    events(ctx: Ctx, id: string) {
      return actorTx(db, ctx, async (tx) => {
        const repo = repoOf(tx, ctx);
        await visibleOffer(repo, ctx, id, 'offer.read');
        const providerView = ctx.actor.role === 'provider_user';
        const rows = await repo.events(id, providerView);
        // The timeline names households (reference, pseudonym): a read of client data.
        audit(tx, ctx, { action: 'offer.timeline', entityId: id, details: { events: rows.length } });
        return {
          items: rows.map((e) => ({
            id: String(e.id),
            at: e.at.toISOString(),
            kind: e.kind,
            text: eventText(e.kind, e.details, providerView),
            // A company sees its own people by name and the office as "Fachstelle".
            actor: e.actor_id
              ? { id: e.actor_id, displayName: providerView && e.actor_role !== 'provider_user' ? 'Fachstelle' : (e.actor_name ?? '') }
              : null,
            candidateId: e.candidate_id,
          })),
        };
      });
    },
  };
}
export type OfferService = ReturnType<typeof offerService>;
