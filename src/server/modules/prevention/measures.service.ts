import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ZMeasureInput, ZReferralInput, ZReferralUpdate } from '../../../contracts/prevention.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { roleHas } from '../../platform/access/registry.js';
import { audit } from '../../platform/audit/audit.js';
import { generateDocument } from '../../platform/documents/documents.js';
import { AccessDenied, AppError } from '../../platform/errors/app-error.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { caseLink } from './prevention.derive.js';
import { fieldError, kit, type Kit } from './prevention.shared.js';

type MeasureInput = z.output<typeof ZMeasureInput>;
export const LEGAL_BASIS_TEXT = { sgb2_22_8: '§ 22 Abs. 8 SGB II', sgb12_36: '§ 36 SGB XII' } as const;
const DECISION_FIELDS = [
  'decision',
  'decidedOn',
  'grantedCents',
  'repaymentMonthlyCents',
  'repaymentStartsOn',
  'repaymentNote',
  'paidToLandlordOn',
] as const;

/** Decisions on money are the case manager's; the data of a decision must fit together. */
function checkMeasure(ctx: Ctx, input: MeasureInput, before: { status: string; data: Record<string, unknown> } | null) {
  const data = input.data as Record<string, unknown>;
  const statusDecides = (input.status === 'approved' || input.status === 'rejected') && before?.status !== input.status;
  const fieldsDecide =
    input.kind === 'rent_debt_assumption' && DECISION_FIELDS.some((f) => (data[f] ?? null) !== (before?.data[f] ?? null));
  if ((statusDecides || fieldsDecide) && !roleHas(ctx.actor.role, 'prevention.decide')) {
    throw new AppError('forbidden', 'Über die Mietschuldenübernahme und Zusagen entscheidet die Sachbearbeitung.');
  }
  if (input.kind === 'rent_debt_assumption') {
    const d = input.data;
    if ((d.decision === 'loan' || d.decision === 'grant') && d.grantedCents === null)
      throw fieldError('data.grantedCents', 'required', 'Bewilligten Betrag angeben.');
    if (d.decision === 'rejected' && d.grantedCents !== null)
      throw fieldError('data.grantedCents', 'invalid_value', 'Bei Ablehnung gibt es keinen bewilligten Betrag.');
    if (d.decision !== 'loan' && d.repaymentMonthlyCents !== null)
      throw fieldError('data.repaymentMonthlyCents', 'invalid_value', 'Einen Tilgungsplan gibt es nur bei einem Darlehen.');
    if (d.paidToLandlordOn && d.decision !== 'loan' && d.decision !== 'grant')
      throw fieldError('data.paidToLandlordOn', 'invalid_value', 'Gezahlt werden kann erst nach der Bewilligung.');
  }
}

async function measureOf(k: Kit, ctx: Ctx, id: string, permission: 'prevention.update' | 'prevention.decide') {
  access.require(ctx.actor, permission, { type: 'prevention_measure', id });
  const m = await k.repo.measure(id);
  if (!m) throw new AccessDenied(permission, { type: 'prevention_measure', id });
  return { m, row: await k.locked(m.case_id, permission) };
}

/** Measures (rent-debt assumption, commitment, clearance, support) and referrals of a case. */
export function measureService(db: Kysely<DB>) {
  return {
    add: (ctx: Ctx, caseId: string, input: MeasureInput) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(caseId, 'prevention.update');
        k.step(row, 'addMeasure');
        checkMeasure(ctx, input, null);
        const m = await k.repo.insertMeasure(caseId, input, ctx.actor.userId);
        await k.touch(caseId);
        audit(tx, ctx, {
          action: 'prevention.measure',
          entityId: caseId,
          details: { measure: m.id, kind: input.kind, status: input.status },
        });
        return k.full(caseId);
      }),

    update: (ctx: Ctx, id: string, input: MeasureInput, version: number) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const { m, row } = await measureOf(k, ctx, id, 'prevention.update');
        k.step(row, 'updateMeasure');
        if (m.kind !== input.kind) throw fieldError('kind', 'invalid_value', 'Die Art einer Maßnahme lässt sich nicht ändern.');
        k.checkVersion(m.version, version);
        checkMeasure(ctx, input, { status: m.status, data: m.data });
        await k.repo.updateMeasure(id, input);
        await k.touch(row.id);
        audit(tx, ctx, {
          action: 'prevention.measure',
          entityId: row.id,
          details: { measure: id, kind: input.kind, status: input.status },
        });
        const paid = input.kind === 'rent_debt_assumption' && input.data.paidToLandlordOn && !m.data.paidToLandlordOn;
        if (paid)
          await k.fx.inform(
            [row.case_manager_id, row.social_worker_id],
            'prevention.paid',
            `Mietschulden gezahlt: Fall ${row.reference}`,
            'Die Zahlung an den Vermieter ist erfasst. Ergebnis mit dem Vermieter klären.',
            caseLink(row.id),
            { text: { key: 'notice.arrearsPaid', params: { reference: row.reference } } },
          );
        return k.full(row.id);
      }),

    commitmentLetter: (ctx: Ctx, id: string) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const { m, row } = await measureOf(k, ctx, id, 'prevention.decide');
        k.step(row, 'commitmentLetter');
        if (m.kind !== 'commitment')
          throw new AppError('invalid_transition', 'Eine Verpflichtungserklärung gibt es nur zu einer Zusage.', {
            currentState: row.status,
          });
        const d = m.data as {
          recipient?: string;
          recipientName?: string | null;
          recipientAddress?: string | null;
          recipientReference?: string | null;
          amountCents?: number | null;
          items?: string[];
          legalBasis?: keyof typeof LEGAL_BASIS_TEXT | null;
          validUntil?: string | null;
        };
        const toCourt = d.recipient === 'court';
        const doc = await generateDocument(tx, ctx.actor.agencyId, {
          ownerType: 'prevention_measure',
          ownerId: m.id,
          kind: 'commitment_letter',
          filename: `verpflichtungserklaerung-${row.reference}`,
          createdBy: ctx.actor.userId,
          data: {
            reference: row.reference,
            recipient: {
              name: d.recipientName ?? (toCourt ? (row.court_name ?? '') : (row.landlord_name ?? '')),
              address: d.recipientAddress ?? (toCourt ? '' : (row.landlord_address ?? '')),
              reference: d.recipientReference ?? row.court_file_number ?? '',
            },
            household: { names: row.tenants.map((t) => `${t.firstName} ${t.lastName}`).join(' und ') },
            object: { address: `${row.street}, ${row.postal_code} ${row.city}` },
            landlord: { name: row.landlord_name ?? '' },
            commitment: {
              amount: d.amountCents ?? row.arrears_cents ?? 0,
              items: d.items?.length ? d.items : ['Mietrückstand'],
              basis: d.legalBasis ? LEGAL_BASIS_TEXT[d.legalBasis] : '',
              validUntil: d.validUntil ?? null,
            },
          },
        });
        audit(tx, ctx, {
          action: 'prevention.document',
          entityId: row.id,
          details: { kind: 'commitment_letter', document: doc.id, measure: m.id },
        });
        return k.full(row.id);
      }),

    addReferral: (ctx: Ctx, caseId: string, input: z.output<typeof ZReferralInput>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        const row = await k.locked(caseId, 'prevention.update');
        k.step(row, 'addReferral');
        const r = await k.repo.insertReferral(caseId, input, ctx.actor.userId);
        await k.touch(caseId);
        audit(tx, ctx, {
          action: 'prevention.referral',
          entityId: caseId,
          details: { referral: r.id, kind: input.kind, status: input.status },
        });
        return k.full(caseId);
      }),

    updateReferral: (ctx: Ctx, id: string, input: z.output<typeof ZReferralUpdate>) =>
      actorTx(db, ctx, async (tx) => {
        const k = kit(tx, ctx);
        access.require(ctx.actor, 'prevention.update', { type: 'prevention_referral', id });
        const r = await k.repo.referral(id);
        if (!r) throw new AccessDenied('prevention.update', { type: 'prevention_referral', id });
        const row = await k.locked(r.case_id, 'prevention.update');
        k.step(row, 'updateReferral');
        k.checkVersion(r.version, input.version);
        await k.repo.updateReferral(id, input);
        await k.touch(row.id);
        audit(tx, ctx, {
          action: 'prevention.referral',
          entityId: row.id,
          details: { referral: id, kind: input.kind, status: input.status },
        });
        return k.full(row.id);
      }),
  };
}
