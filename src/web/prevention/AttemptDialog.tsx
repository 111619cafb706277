import { useState } from 'react';
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
import { ActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';
import { useStepForm } from '../components/StepForm';

const FORM = 'attempt';

/** Records one contact attempt: channel, time, result (the next due step is preselected). */
export function AttemptDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c, notify } = useCasePage();
  const next = c.contact.next;
  const [channel, setChannel] = useState<TContactChannel>(next?.channel ?? 'phone');
  const [at, setAt] = useState(() => toDateTimeLocal(new Date()));
  const [result, setResult] = useState<TContactResult | ''>('');
  const [stepIndex, setStepIndex] = useState(next ? String(next.index) : '');
  const [note, setNote] = useState('');
  const stepRefresh = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body, key) => ok(api.POST('/prevention/cases/{id}/attempts', { params: { path: { id: c.id } }, body, headers: idempotent(key) })),
    schema: ZAttemptInput,
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
  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={t('prevention.contact.recordTitle')}
      formId={FORM}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      labelFor={(p) => labels[p] ?? p}
      submitLabel={t('prevention.contact.record')}
      pending={step.mutation.isPending}
      onSubmit={() =>
        step.submitBody({
          channel,
          at: dateTimeLocalToIso(at) ?? '',
          result: result || undefined,
          stepIndex: stepIndex === '' ? null : Number(stepIndex),
          note: note.trim() || null,
        })
      }
    >
      <div className="form-grid">
        <SelectField
          id={fieldId(FORM, 'stepIndex')}
          label={t('prevention.contact.step')}
          value={stepIndex}
          options={[
            { value: '', label: t('prevention.contact.noStep') },
            ...c.contact.steps.map((s) => ({ value: String(s.index), label: `${s.index + 1}. ${s.label}` })),
          ]}
          onChange={(e) => {
            setStepIndex(e.target.value);
            const s = c.contact.steps.find((x) => String(x.index) === e.target.value);
            if (s) setChannel(s.channel);
          }}
        />
        <SelectField
          id={fieldId(FORM, 'channel')}
          label={t('prevention.contact.channel')}
          required
          value={channel}
          options={CONTACT_CHANNELS.map((v) => ({ value: v, label: t(`prevention.channel.${v}`) }))}
          error={step.errors.error('channel')}
          onChange={(e) => setChannel(e.target.value as TContactChannel)}
        />
        <TextField
          id={fieldId(FORM, 'at')}
          label={t('prevention.contact.at')}
          type="datetime-local"
          required
          value={at}
          error={step.errors.error('at')}
          onChange={(e) => setAt(e.target.value)}
        />
        <SelectField
          id={fieldId(FORM, 'result')}
          label={t('prevention.contact.result')}
          required
          placeholder={t('common.pleaseSelect')}
          value={result}
          options={CONTACT_RESULTS.map((v) => ({ value: v, label: t(`prevention.result.${v}`) }))}
          error={step.errors.error('result')}
          onChange={(e) => setResult(e.target.value as TContactResult)}
        />
      </div>
      <TextAreaField
        id={fieldId(FORM, 'note')}
        label={t('prevention.contact.note')}
        optional
        rows={3}
        maxLength={4000}
        value={note}
        error={step.errors.error('note')}
        onChange={(e) => setNote(e.target.value)}
      />
    </ActionDialog>
  );
}

/** The contact letter (PDF from the agency template), with an optional appointment offer. */
export function ContactLetterDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c, notify } = useCasePage();
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [place, setPlace] = useState('');
  const stepRefresh2 = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh2,
    run: (body, key) =>
      ok(api.POST('/prevention/cases/{id}/contact-letter', { params: { path: { id: c.id } }, body, headers: idempotent(key) })),
    schema: ZContactLetterInput,
    onDone: () => {
      onClose();
      notify(t('prevention.contact.letterDone'));
    },
  });
  const F = 'contact-letter';
  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={t('prevention.contact.letterTitle')}
      formId={F}
      errors={step.errors}
      error={step.error}
      onReload={() => {
        step.reload();
        onClose();
      }}
      submitLabel={t('prevention.contact.letterCreate')}
      pending={step.mutation.isPending}
      onSubmit={() =>
        step.submitBody({ appointmentDate: date || null, appointmentTime: time.trim() || null, appointmentPlace: place.trim() || null })
      }
    >
      <p className="kern-body">{t('prevention.contact.letterIntro')}</p>
      <div className="form-grid">
        <TextField
          id={fieldId(F, 'appointmentDate')}
          label={t('prevention.contact.appointmentDate')}
          type="date"
          optional
          value={date}
          error={step.errors.error('appointmentDate')}
          onChange={(e) => setDate(e.target.value)}
        />
        <TextField
          id={fieldId(F, 'appointmentTime')}
          label={t('prevention.contact.appointmentTime')}
          optional
          maxLength={40}
          value={time}
          error={step.errors.error('appointmentTime')}
          onChange={(e) => setTime(e.target.value)}
        />
      </div>
      <TextField
        id={fieldId(F, 'appointmentPlace')}
        label={t('prevention.contact.appointmentPlace')}
        hint={t('prevention.contact.appointmentPlaceHint')}
        optional
        maxLength={200}
        value={place}
        error={step.errors.error('appointmentPlace')}
        onChange={(e) => setPlace(e.target.value)}
      />
    </ActionDialog>
  );
}
