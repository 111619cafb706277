import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCandidatePick } from '../../contracts/placement';
import { api, ok, idempotent } from '../api';
import { TextAreaField, TextField } from '../components/Field';
import { useIdempotencyKey } from '../lib/hooks';
import { fieldId } from '../lib/validation';
import { ActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import type { Ranking } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'pick';

/** Puts a ranked household on the shortlist with a required comment. */
export function PickDialog({ entry, rankingId, onClose }: { entry: Ranking['entries'][number]; rankingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { offer, notify } = useOfferPage();
  const [comment, setComment] = useState('');
  const [moveInFrom, setMoveInFrom] = useState('');
  const idempotency = useIdempotencyKey();
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: async (body) => {
      try {
        const created = await ok(
          api.POST('/offers/{id}/candidates', { params: { path: { id: offer.id } }, body, headers: idempotent(idempotency.current(body)) }),
        );
        idempotency.settle();
        return created;
      } catch (err) {
        idempotency.settle(err);
        throw err;
      }
    },
    schema: ZCandidatePick,
    known: new Set(['comment', 'moveInFrom', 'householdId']),
    onDone: () => {
      onClose();
      notify(t('placement.ranking.pickedDone'));
    },
  });
  const labels: Record<string, string> = {
    comment: t('placement.ranking.comment'),
    moveInFrom: t('placement.ranking.moveInFrom'),
    householdId: entry.name,
  };

  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={t('placement.ranking.pickTitle', { name: entry.name })}
      formId={FORM}
      errors={step.errors}
      error={step.error}
      onReload={step.reload}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t('placement.ranking.pick')}
      pending={step.mutation.isPending}
      onSubmit={() => step.submitBody({ householdId: entry.householdId, rankingId, comment, moveInFrom: moveInFrom || null })}
    >
      <TextAreaField
        id={fieldId(FORM, 'comment')}
        label={labels.comment!}
        required
        rows={4}
        maxLength={2000}
        value={comment}
        error={step.errors.error('comment')}
        onChange={(e) => setComment(e.target.value)}
      />
      <TextField
        id={fieldId(FORM, 'moveInFrom')}
        className="field--narrow"
        label={labels.moveInFrom!}
        type="date"
        optional
        value={moveInFrom}
        error={step.errors.error('moveInFrom')}
        onChange={(e) => setMoveInFrom(e.target.value)}
      />
    </ActionDialog>
  );
}
