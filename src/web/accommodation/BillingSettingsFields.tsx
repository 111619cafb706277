import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TAccommodationBillingSettings } from '../../contracts/admin';
import { CheckboxField, Fieldset } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';

interface Props {
  formId: string;
  value: TAccommodationBillingSettings;
  errors: FormErrors;
  onChange: (patch: Partial<TAccommodationBillingSettings>) => void;
}

const P = 'settings.accommodationBilling';
/** The field paths of this block (for the form's known fields). */
export const BILLING_DAY_FIELDS = [`${P}.billArrivalDay`, `${P}.billDepartureDay`] as const;

/** "Unterbringung: Abrechnung" inside the agency settings form: whether the day of arrival and of departure is a billed night. */
export function BillingSettingsFields({ formId, value: v, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('agencyBilling.legend')} id={fieldId(formId, P)}>
      <p className="kern-hint">{t('agencyBilling.hint')}</p>
      <CheckboxField
        id={fieldId(formId, `${P}.billArrivalDay`)}
        label={t('agencyBilling.arrival')}
        checked={v.billArrivalDay}
        error={errors.error(`${P}.billArrivalDay`)}
        onChange={(e) => onChange({ billArrivalDay: e.target.checked })}
      />
      <CheckboxField
        id={fieldId(formId, `${P}.billDepartureDay`)}
        label={t('agencyBilling.departure')}
        checked={v.billDepartureDay}
        error={errors.error(`${P}.billDepartureDay`)}
        onChange={(e) => onChange({ billDepartureDay: e.target.checked })}
      />
    </Fieldset>
  );
}

/** Labels of the block's fields for the error summary. */
export function billingDayLabels(t: TFunction): Record<string, string> {
  return { [`${P}.billArrivalDay`]: t('agencyBilling.arrival'), [`${P}.billDepartureDay`]: t('agencyBilling.departure') };
}
