import { useTranslation } from 'react-i18next';
import { ZTalk } from '../../contracts/placement';
import { api, ok } from '../api';
import { CheckboxField, TextAreaField, TextField } from '../components/Field';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from './ActionDialog';
import { useOfferPage, useOfferStepRefresh } from './context';
import { useStepForm } from '../components/StepForm';

const FORM = 'talk';

/** A follow-up talk after a refusal; the server writes it into the household's journal. */
export function TalkDialog({ candidateId, pseudonym, onClose }: { candidateId: string; pseudonym: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { notify } = useOfferPage();
  const stepRefresh = useOfferStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST('/candidates/{id}/talks', { params: { path: { id: candidateId } }, body })),
    schema: ZTalk,
    defaultValues: { occurredAt: toDateTimeLocal(new Date()), text: '', participation: true },
    toBody: (v: { occurredAt: string; text: string; participation: boolean }) => ({
      body: { ...v, occurredAt: dateTimeLocalToIso(v.occurredAt) ?? '' },
    }),
    known: new Set(['occurredAt', 'text', 'participation']),
    onDone: () => {
      onClose();
      notify(t('placement.talk.saved'));
    },
  });
  const labels: Record<string, string> = {
    occurredAt: t('placement.talk.occurredAt'),
    text: t('placement.talk.text'),
    participation: t('placement.talk.participation'),
  };
  const { occurredAt, text, participation } = step.values;
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={t('placement.talk.title', { pseudonym })}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t('placement.shortlist.actions.talk')}
    >
      <p className="kern-hint">{t('placement.talk.hint')}</p>
      <TextField
        id={fieldId(FORM, 'occurredAt')}
        className="field--narrow"
        label={labels.occurredAt!}
        type="datetime-local"
        required
        value={occurredAt}
        error={step.errors.error('occurredAt')}
        onChange={(e) => step.set('occurredAt', e.target.value)}
      />
      <TextAreaField
        id={fieldId(FORM, 'text')}
        label={labels.text!}
        required
        rows={5}
        maxLength={8000}
        value={text}
        error={step.errors.error('text')}
        onChange={(e) => step.set('text', e.target.value)}
      />
      <CheckboxField
        id={fieldId(FORM, 'participation')}
        label={labels.participation!}
        checked={participation}
        onChange={(e) => step.set('participation', e.target.checked)}
      />
    </StepActionDialog>
  );
}
