import { useTranslation } from 'react-i18next';
import { ZAssign } from '../../contracts/prevention';
import { api, ok } from '../api';
import { SelectField } from '../components/Field';
import { useStaff } from '../households/queries';
import { StepActionDialog } from '../placement/ActionDialog';
import { useCasePage, useCaseStepRefresh } from './context';

import { useStepForm } from '../components/StepForm';

const FORM = 'assign';

/** Who works on the case: case manager and social worker (they are notified). */
export function AssignDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { case: c, notify } = useCasePage();
  const staff = useStaff();
  const stepRefresh = useCaseStepRefresh();
  const step = useStepForm({
    ...stepRefresh,
    run: (body) => ok(api.POST('/prevention/cases/{id}/assign', { params: { path: { id: c.id } }, body })),
    schema: ZAssign,
    formId: FORM,
    defaultValues: { caseManagerId: c.caseManager?.id ?? '', socialWorkerId: c.socialWorker?.id ?? '' },
    toBody: (v: { caseManagerId: string; socialWorkerId: string }) => ({
      body: { caseManagerId: v.caseManagerId || null, socialWorkerId: v.socialWorkerId || null, version: c.version },
    }),
    onDone: () => {
      onClose();
      notify(t('prevention.overview.assigned'));
    },
  });
  const options = (roles: string[]) =>
    (staff.data ?? [])
      .filter((s) => roles.includes(s.role))
      .map((s) => ({ value: s.id, label: `${s.displayName} (${t(`roles.${s.role}`)})` }));
  return (
    <StepActionDialog
      step={step}
      onClose={onClose}
      title={t('prevention.overview.assignTitle')}
      formId={FORM}
      labelFor={(p) => (p === 'caseManagerId' ? t('household.caseManager') : t('household.socialWorker'))}
      submitLabel={t('common.save')}
    >
      <SelectField
        {...step.field('caseManagerId')}
        label={t('household.caseManager')}
        placeholder={t('household.unassigned')}
        aria-busy={staff.isPending || undefined}
        options={options(['case_manager', 'lead'])}
      />
      <SelectField
        {...step.field('socialWorkerId')}
        label={t('household.socialWorker')}
        placeholder={t('household.unassigned')}
        aria-busy={staff.isPending || undefined}
        options={options(['social_worker', 'accommodation_worker'])}
      />
    </StepActionDialog>
  );
}
