import { useTranslation } from 'react-i18next';
import {
  CONTACT_CHANNELS,
  CONTACT_RESULTS,
  ZAttemptInput,
  type TContactChannel,
  type TContactResult,
  ZContactLetterInput,
} from '../../contracts/prevention';
import { api, ok, idempotent } from '../api';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { dateTimeLocalToIso, toDateTimeLocal } from '../i18n/format';
import { fieldId } from '../lib/validation';
import { StepActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';
import { useContactStepLabel } from './labels';
import { useStepForm } from '../components/StepForm';

const FORM = 'attempt';

interface AttemptValues {
  channel: TContactChannel;
  at: string;
  result: TContactResult | '';
  stepIndex: string;
  note: string;
}

/** Records one contact attempt: channel, time, result (the next due step is preselected). */
export function AttemptDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const stepLabel = useContactStepLabel();
  const { case: c, notify } = useCasePage();
  const next = c.contact.next;
  const stepRefresh = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body, key) => ok(api.POST('/prevention/cases/{id}/attempts', { params: { path: { id: c.id } }, body, headers: idempotent(key) })),
    schema: ZAttemptInput,
    formId: FORM,
    defaultValues: {
      channel: next?.channel ?? 'phone',
      at: toDateTimeLocal(new Date()),
      result: '',
      stepIndex: next ? String(next.index) : '',
      note: '',
    },
    toBody: (v: AttemptValues) => ({
      body: {
        channel: v.channel,
        at: dateTimeLocalToIso(v.at) ?? '',
        result: v.result || undefined,
        stepIndex: v.stepIndex === '' ? null : Number(v.stepIndex),
        note: v.note.trim() || null,
      },
    }),
    onDone: (updated) => {
      onClose();
      notify(updated.status !== c.status ? t('prevention.contact.reachedDone') : t('prevention.contact.attemptDone'));
    },
  });
  const labels: Record<string, string> = {
    channel: t('prevention.contact.channel'),
    at: t('prevention.contact.at'),
    result: t('prevention.contact.result'),
    stepIndex: t('prevention.contact.step'),
    note: t('prevention.contact.note'),
  };
  const v = step.values;
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={t('prevention.contact.recordTitle')}
      formId={FORM}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t('prevention.contact.record')}
    >
      <div className="form-grid">
        <SelectField
          id={fieldId(FORM, 'stepIndex')}
          label={t('prevention.contact.step')}
          value={v.stepIndex}
          options={[
            { value: '', label: t('prevention.contact.noStep') },
            ...c.contact.steps.map((s) => ({ value: String(s.index), label: `${s.index + 1}. ${stepLabel(s)}` })),
          ]}
          onChange={(e) => {
            step.set('stepIndex', e.target.value);
            const s = c.contact.steps.find((x) => String(x.index) === e.target.value);
            if (s) step.set('channel', s.channel);
          }}
        />
        <SelectField
          {...step.field('channel')}
          label={t('prevention.contact.channel')}
          required
          options={CONTACT_CHANNELS.map((v) => ({ value: v, label: t(`prevention.channel.${v}`) }))}
        />
        <TextField {...step.field('at')} label={t('prevention.contact.at')} type="datetime-local" required />
        <SelectField
          {...step.field('result')}
          label={t('prevention.contact.result')}
          required
          placeholder={t('common.pleaseSelect')}
          options={CONTACT_RESULTS.map((v) => ({ value: v, label: t(`prevention.result.${v}`) }))}
        />
      </div>
      <TextAreaField {...step.field('note')} label={t('prevention.contact.note')} optional rows={3} maxLength={4000} />
    </StepActionDialog>
  );
}

/** The contact letter (PDF from the agency template), with an optional appointment offer. */
export function ContactLetterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c, notify } = useCasePage();
  const F = 'contact-letter';
  const stepRefresh2 = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh2,
    run: (body, key) =>
      ok(api.POST('/prevention/cases/{id}/contact-letter', { params: { path: { id: c.id } }, body, headers: idempotent(key) })),
    schema: ZContactLetterInput,
    formId: F,
    defaultValues: { date: '', time: '', place: '' },
    toBody: (v: { date: string; time: string; place: string }) => ({
      body: { appointmentDate: v.date || null, appointmentTime: v.time.trim() || null, appointmentPlace: v.place.trim() || null },
    }),
    onDone: () => {
      onClose();
      notify(t('prevention.contact.letterDone'));
    },
  });
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={t('prevention.contact.letterTitle')}
      formId={F}
      submitLabel={t('prevention.contact.letterCreate')}
    >
      <p className="kern-body">{t('prevention.contact.letterIntro')}</p>
      <div className="form-grid">
        <TextField {...step.field('date', 'appointmentDate')} label={t('prevention.contact.appointmentDate')} type="date" optional />
        <TextField {...step.field('time', 'appointmentTime')} label={t('prevention.contact.appointmentTime')} optional maxLength={40} />
      </div>
      <TextField
        {...step.field('place', 'appointmentPlace')}
        label={t('prevention.contact.appointmentPlace')}
        hint={t('prevention.contact.appointmentPlaceHint')}
        optional
        maxLength={200}
      />
    </StepActionDialog>
  );
}
