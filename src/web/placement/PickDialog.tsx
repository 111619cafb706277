import { useTranslation } from 'react-i18next';
import { ZCandidatePick } from '../../contracts/placement';
import { api, ok, idempotent } from '../api';
import { TextAreaField, TextField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import type { Ranking } from './queries';
import { useStepForm } from '../components/StepForm';

const FORM = 'pick';

/** Puts a ranked household on the shortlist with a required comment. */
export function PickDialog({ entry, rankingId, onClose }: { entry: Ranking['entries'][number]; rankingId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { offer, notify } = useOfferPage();
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body, key) => ok(api.POST('/offers/{id}/candidates', { params: { path: { id: offer.id } }, body, headers: idempotent(key) })),
    schema: ZCandidatePick,
    defaultValues: { comment: '', moveInFrom: '' },
    toBody: (v: { comment: string; moveInFrom: string }) => ({
      body: { householdId: entry.householdId, rankingId, comment: v.comment, moveInFrom: v.moveInFrom || null },
    }),
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
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={t('placement.ranking.pickTitle', { name: entry.name })}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t('placement.ranking.pick')}
    >
      <TextAreaField
        id={fieldId(FORM, 'comment')}
        label={labels.comment!}
        required
        rows={4}
        maxLength={2000}
        value={step.values.comment}
        error={step.errors.error('comment')}
        onChange={(e) => step.set('comment', e.target.value)}
      />
      <TextField
        id={fieldId(FORM, 'moveInFrom')}
        className="field--narrow"
        label={labels.moveInFrom!}
        type="date"
        optional
        value={step.values.moveInFrom}
        error={step.errors.error('moveInFrom')}
        onChange={(e) => step.set('moveInFrom', e.target.value)}
      />
    </StepActionDialog>
  );
}
