import { useTranslation } from 'react-i18next';
import { REFUSAL_REASONS, ZDecision } from '../../contracts/placement';
import { api, ok } from '../api';
import { SelectField, TextAreaField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import { useStepForm } from '../components/StepForm';

const FORM = 'decision';

/** The household's answer after the viewing: acceptance, or refusal with a reason from the catalogue. */
export function DecisionDialog({
  candidateId,
  pseudonym,
  decision,
  onClose,
}: {
  candidateId: string;
  pseudonym: string;
  decision: 'accept' | 'refuse';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { notify } = useOfferPage();
  const refuse = decision === 'refuse';
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST('/candidates/{id}/decision', { params: { path: { id: candidateId } }, body })),
    schema: ZDecision,
    defaultValues: { reason: '', text: '' },
    toBody: (v: { reason: string; text: string }) => ({
      body: { decision, ...(refuse ? { reason: v.reason || undefined } : {}), text: v.text.trim() || null },
    }),
    known: new Set(['reason', 'text']),
    onDone: () => {
      onClose();
      notify(t('placement.decision.saved'));
    },
  });
  const { reason, text } = step.values;
  const labels: Record<string, string> = {
    reason: t('placement.decision.reason'),
    text: refuse ? t('placement.decision.text') : t('placement.decision.note'),
  };
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={refuse ? t('placement.decision.refuseTitle', { pseudonym }) : t('placement.decision.acceptTitle', { pseudonym })}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={refuse ? t('placement.shortlist.actions.refuse') : t('placement.shortlist.actions.accept')}
    >
      {!refuse && <p className="kern-body">{t('placement.decision.acceptIntro')}</p>}
      {refuse && (
        <SelectField
          id={fieldId(FORM, 'reason')}
          className="field--narrow"
          label={labels.reason!}
          required
          placeholder={t('common.pleaseSelect')}
          value={reason}
          options={REFUSAL_REASONS.map((r) => ({ value: r, label: t(`placement.refusal.${r}`) }))}
          error={step.errors.error('reason')}
          onChange={(e) => step.set('reason', e.target.value)}
        />
      )}
      <TextAreaField
        id={fieldId(FORM, 'text')}
        label={labels.text!}
        optional={!(refuse && reason === 'other')}
        rows={3}
        maxLength={2000}
        value={text}
        error={step.errors.error('text')}
        onChange={(e) => step.set('text', e.target.value)}
      />
    </StepActionDialog>
  );
}
