import { useTranslation } from 'react-i18next';
import { CheckboxField, Fieldset, TextAreaField, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import type { HouseholdForm } from './formModel';

interface Props {
  formId: string;
  form: HouseholdForm;
  errors: FormErrors;
  onChange: (patch: Partial<HouseholdForm>) => void;
}

export function NeedsFields({ formId, form, errors, onChange }: Props) {
  const { t } = useTranslation();
  const id = (p: string) => fieldId(formId, p);
  return (
    <Fieldset legend={t('household.needs')}>
      <div className="check-row">
        <CheckboxField
          id={id('needs.wheelchair')}
          label={t('household.wheelchair')}
          checked={form.wheelchair}
          error={errors.error('needs.wheelchair')}
          onChange={(e) => onChange({ wheelchair: e.target.checked })}
        />
        <CheckboxField
          id={id('needs.stepFree')}
          label={t('household.stepFree')}
          checked={form.stepFree}
          error={errors.error('needs.stepFree')}
          onChange={(e) => onChange({ stepFree: e.target.checked })}
        />
        <CheckboxField
          id={id('needs.pets')}
          label={t('household.pets')}
          checked={form.pets}
          error={errors.error('needs.pets')}
          onChange={(e) => onChange({ pets: e.target.checked })}
        />
      </div>
      <div className="form-grid form-grid--2">
        <TextField
          id={id('needs.districtsAvoid')}
          label={t('household.districtsAvoid')}
          hint={t('household.districtsHint')}
          optional
          value={form.districtsAvoid}
          error={errors.error('needs.districtsAvoid')}
          onChange={(e) => onChange({ districtsAvoid: e.target.value })}
        />
        <TextField
          id={id('needs.districtsPrefer')}
          label={t('household.districtsPrefer')}
          hint={t('household.districtsHint')}
          optional
          value={form.districtsPrefer}
          error={errors.error('needs.districtsPrefer')}
          onChange={(e) => onChange({ districtsPrefer: e.target.value })}
        />
      </div>
      <TextAreaField
        id={id('needs.notes')}
        label={t('household.notes')}
        optional
        rows={4}
        maxLength={4000}
        value={form.notes}
        error={errors.error('needs.notes')}
        onChange={(e) => onChange({ notes: e.target.value })}
      />
    </Fieldset>
  );
}
