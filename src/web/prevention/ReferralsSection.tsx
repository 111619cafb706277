import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_KINDS, REFERRAL_STATES, ZReferralInput } from '../../contracts/prevention';
import { api, ok, idempotent, ifMatch } from '../api';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { SelectField, TextAreaField, TextField } from '../components/Field';
import { Section } from '../components/Section';
import { formatDate } from '../i18n/format';
import { StepActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';
import { useLooseT } from './labels';
import { type Referral } from './queries';
import { useStepForm } from '../components/StepForm';

/** Referrals to other services (debt counselling, addiction help, …) with their status. */
export function ReferralsSection() {
  const { t } = useTranslation();
  const { case: c, can } = useCasePage();
  const [editing, setEditing] = useState<Referral | 'new' | null>(null);
  return (
    <Section
      id="referrals"
      title={t('prevention.referrals.title')}
      actions={
        can('addReferral') ? (
          <Button icon="add" variant="secondary" onClick={() => setEditing('new')}>
            {t('prevention.referrals.add')}
          </Button>
        ) : null
      }
    >
      <DataTable<Referral>
        caption={t('prevention.referrals.title')}
        captionHidden
        columns={[
          { key: 'kind', header: t('prevention.referrals.kind'), rowHeader: true, cell: (r) => t(`prevention.referralKind.${r.kind}`) },
          { key: 'service', header: t('prevention.referrals.service'), cell: (r) => r.service ?? '' },
          { key: 'status', header: t('prevention.referrals.status'), cell: (r) => t(`prevention.referralState.${r.status}`) },
          { key: 'on', header: t('prevention.referrals.referredOn'), cell: (r) => formatDate(r.referredOn) },
          { key: 'note', header: t('prevention.referrals.note'), cell: (r) => r.note ?? '' },
          ...(can('updateReferral')
            ? [
                {
                  key: 'edit',
                  header: t('common.actions'),
                  cell: (r: Referral) => (
                    <Button
                      variant="tertiary"
                      icon="edit"
                      onClick={() => setEditing(r)}
                      aria-label={t('prevention.referrals.editLabel', { kind: t(`prevention.referralKind.${r.kind}`) })}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        rows={c.referrals}
        rowKey={(r) => r.id}
        empty={t('prevention.referrals.none')}
      />
      {editing && <ReferralDialog referral={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}

const FORM = 'referral';

interface ReferralValues {
  kind: Referral['kind'];
  status: Referral['status'];
  service: string;
  referredOn: string;
  note: string;
}

function ReferralDialog({ referral, onClose }: { referral?: Referral; onClose: () => void }) {
  const { t } = useTranslation();
  const tx = useLooseT();
  const { case: c, notify } = useCasePage();
  const stepRefresh = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body, key) =>
      referral
        ? ok(
            api.PUT('/prevention/referrals/{id}', {
              params: { path: { id: referral.id } },
              body: { ...body, version: referral.version },
              headers: ifMatch(referral.version),
            }),
          )
        : ok(api.POST('/prevention/cases/{id}/referrals', { params: { path: { id: c.id } }, body, headers: idempotent(key) })),
    schema: ZReferralInput,
    formId: FORM,
    defaultValues: {
      kind: referral?.kind ?? 'debt_counselling',
      status: referral?.status ?? 'suggested',
      service: referral?.service ?? '',
      referredOn: referral?.referredOn ?? '',
      note: referral?.note ?? '',
    },
    toBody: (f: ReferralValues) => ({
      body: {
        kind: f.kind,
        status: f.status,
        service: f.service.trim() || null,
        referredOn: f.referredOn || null,
        note: f.note.trim() || null,
      },
    }),
    onDone: () => {
      onClose();
      notify(t('prevention.referrals.saved'));
    },
  });
  return (
    <StepActionDialog
      step={step}
      closeOnReload
      onClose={onClose}
      title={referral ? t('prevention.referrals.editTitle') : t('prevention.referrals.addTitle')}
      formId={FORM}
      labelFor={(p) => tx(`prevention.referrals.${p}`, { defaultValue: p })}
      submitLabel={referral ? t('common.save') : t('prevention.referrals.add')}
    >
      <div className="form-grid">
        <SelectField
          {...step.field('kind')}
          label={t('prevention.referrals.kind')}
          options={REFERRAL_KINDS.map((k) => ({ value: k, label: t(`prevention.referralKind.${k}`) }))}
        />
        <SelectField
          {...step.field('status')}
          label={t('prevention.referrals.status')}
          options={REFERRAL_STATES.map((s) => ({ value: s, label: t(`prevention.referralState.${s}`) }))}
        />
        <TextField {...step.field('service')} label={t('prevention.referrals.service')} optional maxLength={200} />
        <TextField {...step.field('referredOn')} label={t('prevention.referrals.referredOn')} type="date" optional />
      </div>
      <TextAreaField {...step.field('note')} label={t('prevention.referrals.note')} optional rows={3} maxLength={2000} />
    </StepActionDialog>
  );
}
