import { useTranslation } from 'react-i18next';
import { EQUIPMENT, PREFERRED_HOUSEHOLDS } from '../../contracts/placement';
import { CheckboxField, Fieldset, TextAreaField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { FORM, type FieldsProps } from './OfferFields';
import { toggle } from './offerForm';

export function EquipmentFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('placement.form.equipment')} id={fieldId(FORM, 'equipment')} error={errors.error('equipment')}>
      <div className="check-grid">
        {EQUIPMENT.map((e) => (
          <CheckboxField
            key={e}
            id={fieldId(FORM, `equipment-${e}`)}
            label={t(`placement.equipment.${e}`)}
            checked={form.equipment.includes(e)}
            onChange={(ev) => onChange({ equipment: toggle(form.equipment, e, ev.target.checked) })}
          />
        ))}
      </div>
    </Fieldset>
  );
}

export function AccessFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const id = (p: string) => fieldId(FORM, p);
  return (
    <Fieldset legend={t('placement.form.accessibility')}>
      <div className="check-grid">
        <CheckboxField
          id={id('stepFree')}
          label={t('placement.form.stepFree')}
          checked={form.stepFree}
          error={errors.error('stepFree')}
          onChange={(e) => onChange({ stepFree: e.target.checked })}
        />
        <CheckboxField
          id={id('wheelchair')}
          label={t('placement.form.wheelchair')}
          checked={form.wheelchair}
          error={errors.error('wheelchair')}
          onChange={(e) => onChange({ wheelchair: e.target.checked })}
        />
        <CheckboxField
          id={id('petsAllowed')}
          label={t('placement.form.petsAllowed')}
          checked={form.petsAllowed}
          error={errors.error('petsAllowed')}
          onChange={(e) => onChange({ petsAllowed: e.target.checked })}
        />
      </div>
    </Fieldset>
  );
}

export function HouseholdWishFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Fieldset legend={t('placement.form.preferred')} id={fieldId(FORM, 'preferred')} error={errors.error('preferred')}>
        <div className="check-grid">
          {PREFERRED_HOUSEHOLDS.map((p) => (
            <CheckboxField
              key={p}
              id={fieldId(FORM, `preferred-${p}`)}
              label={t(`placement.preferred.${p}`)}
              checked={form.preferred.includes(p)}
              onChange={(ev) => onChange({ preferred: toggle(form.preferred, p, ev.target.checked) })}
            />
          ))}
        </div>
      </Fieldset>
      <TextAreaField
        id={fieldId(FORM, 'hints')}
        label={t('placement.form.hints')}
        optional
        rows={3}
        maxLength={2000}
        value={form.hints}
        error={errors.error('hints')}
        onChange={(e) => onChange({ hints: e.target.value })}
      />
    </>
  );
}
