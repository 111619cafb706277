import { useState } from 'react';
import type { DefaultValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, ZAftercareHandover, ZCloseInput, ZReopen, type TOutcome } from '../../contracts/prevention';
import { useOrgs } from '../admin/queries';
import { api, ok } from '../api';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Section } from '../components/Section';
import { formatDate, formatDateTime } from '../i18n/format';
import { StepActionDialog } from '../placement/ActionDialog';
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

function useDialogStep<V extends Record<string, unknown>>(
  step: keyof typeof CLOSING_STEPS,
  done: string,
  onClose: () => void,
  defaultValues: V,
  toBody: (values: V) => Record<string, unknown>,
) {
  const { case: c, notify } = useCasePage();
  const stepRefresh = useCaseStepRefresh();
  return useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST(`/prevention/cases/{id}/${step}`, { params: { path: { id: c.id } }, body: body as never })),
    schema: CLOSING_STEPS[step],
    formId: step,
    defaultValues: defaultValues as DefaultValues<V>,
    toBody: (values: V) => ({ body: { ...toBody(values), version: c.version } }),
    onDone: () => (onClose(), notify(done)),
  });
}

function CloseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const step = useDialogStep(
    'close',
    t('prevention.closing.closed'),
    onClose,
    { outcome: '' as TOutcome | '', note: '', newSituation: '' },
    (v) => ({
      outcome: v.outcome || undefined,
      note: v.note.trim() || null,
      newSituation: v.outcome === 'home_lost' ? v.newSituation || null : null,
    }),
  );
  const v = step.values;
  const F = 'close';
  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={t('prevention.closing.closeTitle')}
      formId={F}
      labelFor={(p) => t(`prevention.closing.${p === 'newSituation' ? 'newSituation' : p === 'note' ? 'note' : 'outcome'}`)}
      submitLabel={t('prevention.closing.close')}
    >
      <SelectField
        {...step.field('outcome')}
        label={t('prevention.closing.outcome')}
        required
        placeholder={t('common.pleaseSelect')}
        options={OUTCOMES.map((o) => ({ value: o, label: t(`prevention.outcome.${o}`) }))}
      />
      {v.outcome === 'home_lost' && (
        <SelectField
          {...step.field('newSituation')}
          label={t('prevention.closing.newSituation')}
          hint={t('prevention.closing.newSituationHint')}
          optional
          placeholder={t('prevention.closing.noPlacement')}
          options={(['in_accommodation', 'hidden_homeless', 'rough_sleeping'] as const).map((s) => ({
            value: s,
            label: t(`situation.${s}`),
          }))}
        />
      )}
      <TextAreaField {...step.field('note')} label={t('prevention.closing.note')} optional rows={3} maxLength={4000} />
    </StepActionDialog>
  );
}

function HandOverDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const carriers = useOrgs('carriers');
  const step = useDialogStep(
    'aftercare',
    t('prevention.closing.handedOver'),
    onClose,
    { carrierId: '', handedOverOn: todayBerlin(), note: '' },
    (v) => ({ carrierId: v.carrierId, handedOverOn: v.handedOverOn, note: v.note.trim() || null }),
  );
  const F = 'aftercare';
  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={t('prevention.closing.handOverTitle')}
      formId={F}
      labelFor={(p) => t(`prevention.closing.${p === 'carrierId' ? 'carrier' : p === 'handedOverOn' ? 'handedOverOn' : 'aftercareNote'}`)}
      submitLabel={t('prevention.closing.handOver')}
    >
      <SelectField
        {...step.field('carrierId')}
        label={t('prevention.closing.carrier')}
        required
        placeholder={t('common.pleaseSelect')}
        aria-busy={carriers.isPending || undefined}
        options={(carriers.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField {...step.field('handedOverOn')} label={t('prevention.closing.handedOverOn')} type="date" required />
      <TextAreaField {...step.field('note')} label={t('prevention.closing.aftercareNote')} optional rows={3} maxLength={2000} />
    </StepActionDialog>
  );
}

function ReopenDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const step = useDialogStep('reopen', t('prevention.closing.reopened'), onClose, { reason: '' }, (v) => ({ reason: v.reason }));
  const F = 'reopen';
  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={t('prevention.closing.reopenTitle')}
      formId={F}
      labelFor={() => t('prevention.closing.reopenReason')}
      submitLabel={t('prevention.closing.reopen')}
    >
      <TextAreaField {...step.field('reason')} label={t('prevention.closing.reopenReason')} required rows={4} maxLength={2000} />
    </StepActionDialog>
  );
}
