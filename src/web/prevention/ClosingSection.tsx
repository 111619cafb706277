import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, ZAftercareHandover, ZCloseInput, ZReopen, type TOutcome } from '../../contracts/prevention';
import { useOrgs } from '../admin/queries';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../i18n/format';
import { fieldId } from '../lib/validation';
import { ActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';
import { OutcomeBadge, todayBerlin } from './labels';

import { useStepForm } from '../components/StepForm';

type Dialog = 'close' | 'handOver' | 'reopen' | null;

/** Outcome and closing, handover to aftercare, reopening (lead). */
export function ClosingSection() {
  const { t } = useTranslation();
  const { case: c, can } = useCasePage();
  const [dialog, setDialog] = useState<Dialog>(null);
  return (
    <Section
      id="closing"
      title={t('prevention.closing.title')}
      actions={
        <div className="section__actions">
          {can('close') && <Button onClick={() => setDialog('close')}>{t('prevention.closing.close')}</Button>}
          {can('handOver') && !c.aftercare && c.outcome === 'home_kept' && (
            <Button onClick={() => setDialog('handOver')}>{t('prevention.closing.handOver')}</Button>
          )}
          {can('reopen') && (
            <Button variant="secondary" onClick={() => setDialog('reopen')}>
              {t('prevention.closing.reopen')}
            </Button>
          )}
        </div>
      }
    >
      {c.outcome ? (
        <DescriptionList
          items={[
            { key: 'outcome', label: t('prevention.closing.outcome'), value: <OutcomeBadge outcome={c.outcome} /> },
            { key: 'closedAt', label: t('prevention.closing.closedAt'), value: formatDateTime(c.closedAt, 'Europe/Berlin') },
            ...(c.outcomeNote ? [{ key: 'note', label: t('prevention.closing.note'), value: c.outcomeNote }] : []),
            ...(c.aftercare
              ? [
                  { key: 'carrier', label: t('prevention.closing.carrier'), value: c.aftercare.carrier.name },
                  { key: 'handedOverOn', label: t('prevention.closing.handedOverOn'), value: formatDate(c.aftercare.handedOverOn) },
                  ...(c.aftercare.note
                    ? [{ key: 'aftercareNote', label: t('prevention.closing.aftercareNote'), value: c.aftercare.note }]
                    : []),
                ]
              : []),
          ]}
        />
      ) : (
        <p className="kern-body">{t('prevention.closing.open')}</p>
      )}
      {dialog === 'close' && <CloseDialog onClose={() => setDialog(null)} />}
      {dialog === 'handOver' && <HandOverDialog onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenDialog onClose={() => setDialog(null)} />}
    </Section>
  );
}

/** The closing steps: each path with the contract schema of its body. */
const CLOSING_STEPS = { close: ZCloseInput, aftercare: ZAftercareHandover, reopen: ZReopen } as const;

function useDialogStep(step: keyof typeof CLOSING_STEPS, done: string, onClose: () => void) {
  const { case: c, notify } = useCasePage();
  const stepRefresh = useCaseStepRefresh();
  return useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST(`/prevention/cases/{id}/${step}`, { params: { path: { id: c.id } }, body: body as never })),
    schema: CLOSING_STEPS[step],
    onDone: () => (onClose(), notify(done)),
  });
}

function CloseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c } = useCasePage();
  const [outcome, setOutcome] = useState<TOutcome | ''>('');
  const [note, setNote] = useState('');
  const [situation, setSituation] = useState('');
  const step = useDialogStep('close', t('prevention.closing.closed'), onClose);
  const F = 'close';
  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={t('prevention.closing.closeTitle')}
      formId={F}
      errors={step.errors}
      error={step.error}
      onReload={step.reload}
      labelFor={(p) => t(`prevention.closing.${p === 'newSituation' ? 'newSituation' : p === 'note' ? 'note' : 'outcome'}`)}
      submitLabel={t('prevention.closing.close')}
      pending={step.mutation.isPending}
      onSubmit={() =>
        step.submitBody({
          outcome: outcome || undefined,
          note: note.trim() || null,
          newSituation: outcome === 'home_lost' ? situation || null : null,
          version: c.version,
        })
      }
    >
      <SelectField
        id={fieldId(F, 'outcome')}
        label={t('prevention.closing.outcome')}
        required
        placeholder={t('common.pleaseSelect')}
        value={outcome}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`prevention.outcome.${o}`) }))}
        error={step.errors.error('outcome')}
        onChange={(e) => setOutcome(e.target.value as TOutcome)}
      />
      {outcome === 'home_lost' && (
        <SelectField
          id={fieldId(F, 'newSituation')}
          label={t('prevention.closing.newSituation')}
          hint={t('prevention.closing.newSituationHint')}
          optional
          placeholder={t('prevention.closing.noPlacement')}
          value={situation}
          options={(['in_accommodation', 'hidden_homeless', 'rough_sleeping'] as const).map((s) => ({
            value: s,
            label: t(`situation.${s}`),
          }))}
          error={step.errors.error('newSituation')}
          onChange={(e) => setSituation(e.target.value)}
        />
      )}
      <TextAreaField
        id={fieldId(F, 'note')}
        label={t('prevention.closing.note')}
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

function HandOverDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c } = useCasePage();
  const carriers = useOrgs('carriers');
  const [carrierId, setCarrierId] = useState('');
  const [on, setOn] = useState(todayBerlin());
  const [note, setNote] = useState('');
  const step = useDialogStep('aftercare', t('prevention.closing.handedOver'), onClose);
  const F = 'aftercare';
  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={t('prevention.closing.handOverTitle')}
      formId={F}
      errors={step.errors}
      error={step.error}
      onReload={step.reload}
      labelFor={(p) => t(`prevention.closing.${p === 'carrierId' ? 'carrier' : p === 'handedOverOn' ? 'handedOverOn' : 'aftercareNote'}`)}
      submitLabel={t('prevention.closing.handOver')}
      pending={step.mutation.isPending}
      onSubmit={() => step.submitBody({ carrierId, handedOverOn: on, note: note.trim() || null, version: c.version })}
    >
      <SelectField
        id={fieldId(F, 'carrierId')}
        label={t('prevention.closing.carrier')}
        required
        placeholder={t('common.pleaseSelect')}
        aria-busy={carriers.isPending || undefined}
        value={carrierId}
        options={(carriers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
        error={step.errors.error('carrierId')}
        onChange={(e) => setCarrierId(e.target.value)}
      />
      <TextField
        id={fieldId(F, 'handedOverOn')}
        label={t('prevention.closing.handedOverOn')}
        type="date"
        required
        value={on}
        error={step.errors.error('handedOverOn')}
        onChange={(e) => setOn(e.target.value)}
      />
      <TextAreaField
        id={fieldId(F, 'note')}
        label={t('prevention.closing.aftercareNote')}
        optional
        rows={3}
        maxLength={2000}
        value={note}
        error={step.errors.error('note')}
        onChange={(e) => setNote(e.target.value)}
      />
    </ActionDialog>
  );
}

function ReopenDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c } = useCasePage();
  const [reason, setReason] = useState('');
  const step = useDialogStep('reopen', t('prevention.closing.reopened'), onClose);
  const F = 'reopen';
  return (
    <ActionDialog
      isOpen
      onClose={onClose}
      title={t('prevention.closing.reopenTitle')}
      formId={F}
      errors={step.errors}
      error={step.error}
      onReload={step.reload}
      labelFor={() => t('prevention.closing.reopenReason')}
      submitLabel={t('prevention.closing.reopen')}
      pending={step.mutation.isPending}
      onSubmit={() => step.submitBody({ reason, version: c.version })}
    >
      <TextAreaField
        id={fieldId(F, 'reason')}
        label={t('prevention.closing.reopenReason')}
        required
        rows={4}
        maxLength={2000}
        value={reason}
        error={step.errors.error('reason')}
        onChange={(e) => setReason(e.target.value)}
      />
    </ActionDialog>
  );
}
