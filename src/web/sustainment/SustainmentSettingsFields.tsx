import { useTranslation } from 'react-i18next';
import { Fieldset, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { DAY_FIELDS, type SustainmentForm } from './settingsForm';

interface Props {
  formId: string;
  value: SustainmentForm;
  errors: FormErrors;
  onChange: (patch: Partial<SustainmentForm>) => void;
}

const P = 'settings.sustainment';

/** "Mietsicherung" inside the agency settings form: deadlines of the incident steps, guarantee reminders. */
export function SustainmentSettingsFields({ formId, value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const id = (f: string) => fieldId(formId, `${P}.${f}`);
  return (
    <Fieldset legend={t('sustainment.settings.legend')}>
      <p className="kern-body kern-body--small">{t('sustainment.settings.intro')}</p>
      <div className="form-grid">
        {DAY_FIELDS.map((f) => (
          <TextField
            key={f}
            id={id(f)}
            label={t(`sustainment.settings.${f}`)}
            type="number"
            inputMode="numeric"
            min={1}
            max={60}
            required
            value={value[f]}
            error={errors.error(`${P}.${f}`)}
            onChange={(e) => onChange({ [f]: e.target.value })}
          />
        ))}
      </div>
      <TextField
        id={id('guaranteeReminderMonths')}
        className="field--narrow"
        label={t('sustainment.settings.guaranteeReminderMonths')}
        hint={t('sustainment.settings.guaranteeReminderHint')}
        value={value.guaranteeReminderMonths}
        error={errors.error(`${P}.guaranteeReminderMonths`)}
        onChange={(e) => onChange({ guaranteeReminderMonths: e.target.value })}
      />
    </Fieldset>
  );
}
