import { useTranslation } from 'react-i18next';
import type { TRole } from '../../contracts/common';
import { Fieldset, SelectField, type Option } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import type { HouseholdForm } from './formModel';
import { useStaff, type Household, type StaffMember } from './queries';

interface Props {
  formId: string;
  form: HouseholdForm;
  errors: FormErrors;
  current?: Pick<Household, 'caseManager' | 'socialWorker'>;
  onChange: (patch: Partial<HouseholdForm>) => void;
}

const CASE_MANAGER_ROLES: readonly TRole[] = ['case_manager', 'lead'];
const SOCIAL_WORKER_ROLES: readonly TRole[] = ['social_worker', 'accommodation_worker'];

function options(
  staff: StaffMember[],
  roles: readonly TRole[],
  current: { id: string; displayName: string } | null | undefined,
  roleName: (r: TRole) => string,
): Option[] {
  const matching = staff.filter((s) => roles.includes(s.role));
  const list = (matching.length > 0 ? matching : staff).map((s) => ({ value: s.id, label: `${s.displayName} (${roleName(s.role)})` }));
  if (current && !list.some((o) => o.value === current.id)) list.unshift({ value: current.id, label: current.displayName });
  return list;
}

/** Fallverantwortung and Sozialarbeit, from GET /staff. */
export function AssignmentFields({ formId, form, errors, current, onChange }: Props) {
  const { t } = useTranslation();
  const staff = useStaff();
  const roleName = (r: TRole) => t(`roles.${r}`);
  const all = staff.data ?? [];
  return (
    <Fieldset legend={t('household.assignment')}>
      <div className="form-grid form-grid--2">
        <SelectField
          id={fieldId(formId, 'caseManagerId')}
          label={t('household.caseManager')}
          value={form.caseManagerId}
          placeholder={t('household.unassigned')}
          options={options(all, CASE_MANAGER_ROLES, current?.caseManager, roleName)}
          error={errors.error('caseManagerId')}
          aria-busy={staff.isPending || undefined}
          onChange={(e) => onChange({ caseManagerId: e.target.value })}
        />
        <SelectField
          id={fieldId(formId, 'socialWorkerId')}
          label={t('household.socialWorker')}
          value={form.socialWorkerId}
          placeholder={t('household.unassigned')}
          options={options(all, SOCIAL_WORKER_ROLES, current?.socialWorker, roleName)}
          error={errors.error('socialWorkerId')}
          aria-busy={staff.isPending || undefined}
          onChange={(e) => onChange({ socialWorkerId: e.target.value })}
        />
      </div>
    </Fieldset>
  );
}
