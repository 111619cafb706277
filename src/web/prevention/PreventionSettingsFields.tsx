import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS } from '../../contracts/prevention';
import { Fieldset, SelectField, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { REMINDER_FIELDS, type PreventionForm } from './settingsForm';
import './prevention.css';

interface Props {
  formId: string;
  value: PreventionForm;
  errors: FormErrors;
  onChange: (patch: Partial<PreventionForm>) => void;
}

const P = 'settings.prevention';
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** "Prävention" inside the agency settings form: walk-in hours, contact procedure, reminders, letter appointment. */
export function PreventionSettingsFields({ formId, value: v, errors, onChange }: Props) {
  const { t } = useTranslation();
  const id = (f: string) => fieldId(formId, `${P}.${f}`);
  const err = (f: string) => errors.error(`${P}.${f}`);
  const setHour = (i: number, patch: Partial<PreventionForm['walkInHours'][number]>) =>
    onChange({ walkInHours: v.walkInHours.map((h, j) => (j === i ? { ...h, ...patch } : h)) });
  const setStep = (i: number, patch: Partial<PreventionForm['contactSteps'][number]>) =>
    onChange({ contactSteps: v.contactSteps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const move = (i: number, by: number) => {
    const steps = [...v.contactSteps];
    const [s] = steps.splice(i, 1);
    steps.splice(i + by, 0, s!);
    onChange({ contactSteps: steps });
  };

  return (
    <div className="prevention-settings" role="group" aria-labelledby={`${formId}-prevention-title`}>
      <h3 id={`${formId}-prevention-title`} className="kern-heading-small">
        {t('prevention.settings.title')}
      </h3>

      <Fieldset legend={t('prevention.settings.walkInHours')} id={id('walkInHours')} error={err('walkInHours')}>
        <p className="kern-hint">{t('prevention.settings.walkInHint')}</p>
        {v.walkInHours.map((h, i) => (
          <div key={i} className="settings-row">
            <SelectField
              id={id(`walkInHours.${i}.weekday`)}
              label={t('prevention.settings.weekdayN', { n: i + 1 })}
              value={h.weekday}
              options={WEEKDAYS.map((d) => ({ value: d, label: t(`prevention.weekday.${d}`) }))}
              error={err(`walkInHours.${i}.weekday`)}
              onChange={(e) => setHour(i, { weekday: e.target.value })}
            />
            <TextField
              id={id(`walkInHours.${i}.from`)}
              label={t('prevention.settings.from')}
              type="time"
              required
              value={h.from}
              error={err(`walkInHours.${i}.from`)}
              onChange={(e) => setHour(i, { from: e.target.value })}
            />
            <TextField
              id={id(`walkInHours.${i}.to`)}
              label={t('prevention.settings.to')}
              type="time"
              required
              value={h.to}
              error={err(`walkInHours.${i}.to`)}
              onChange={(e) => setHour(i, { to: e.target.value })}
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => onChange({ walkInHours: v.walkInHours.filter((_, j) => j !== i) })}
            >
              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
              <span className="kern-label">{t('prevention.settings.removeSlot', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        {v.walkInHours.length < 21 && (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => onChange({ walkInHours: [...v.walkInHours, { weekday: '1', from: '08:30', to: '11:00' }] })}
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('prevention.settings.addSlot')}</span>
          </button>
        )}
      </Fieldset>

      <Fieldset legend={t('prevention.settings.contactSteps')} id={id('contactSteps')} error={err('contactSteps')}>
        <p className="kern-hint">{t('prevention.settings.contactStepsHint')}</p>
        {v.contactSteps.map((s, i) => (
          <div key={i} className="settings-row settings-row--step">
            <TextField
              id={id(`contactSteps.${i}.label`)}
              label={t('prevention.settings.stepLabel', { n: i + 1 })}
              required
              maxLength={80}
              value={s.label}
              error={err(`contactSteps.${i}.label`)}
              onChange={(e) => setStep(i, { label: e.target.value })}
            />
            <SelectField
              id={id(`contactSteps.${i}.channel`)}
              label={t('prevention.settings.channel')}
              value={s.channel}
              options={CONTACT_CHANNELS.map((c) => ({ value: c, label: t(`prevention.channel.${c}`) }))}
              onChange={(e) => setStep(i, { channel: e.target.value as typeof s.channel })}
            />
            <TextField
              id={id(`contactSteps.${i}.dayOffset`)}
              label={t('prevention.settings.dayOffset')}
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              required
              value={s.dayOffset}
              error={err(`contactSteps.${i}.dayOffset`)}
              onChange={(e) => setStep(i, { dayOffset: e.target.value })}
            />
            <div className="settings-row__buttons">
              {i > 0 && (
                <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => move(i, -1)}>
                  <span className="kern-label">{t('prevention.settings.up', { n: i + 1 })}</span>
                </button>
              )}
              {v.contactSteps.length > 1 && (
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => onChange({ contactSteps: v.contactSteps.filter((_, j) => j !== i) })}
                >
                  <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                  <span className="kern-label">{t('prevention.settings.removeStep', { n: i + 1 })}</span>
                </button>
              )}
            </div>
          </div>
        ))}
        {v.contactSteps.length < 10 && (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => onChange({ contactSteps: [...v.contactSteps, { channel: 'home_visit', dayOffset: '10', label: '' }] })}
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('prevention.settings.addStep')}</span>
          </button>
        )}
      </Fieldset>

      <Fieldset legend={t('prevention.settings.reminders')}>
        <div className="form-grid">
          {REMINDER_FIELDS.map((k) => (
            <TextField
              key={k}
              id={id(k)}
              label={t(`prevention.settings.${k}`)}
              type="number"
              inputMode="numeric"
              min={1}
              required
              value={v[k]}
              error={err(k)}
              onChange={(e) => onChange({ [k]: e.target.value })}
            />
          ))}
        </div>
        <TextField
          id={id('appointmentPlace')}
          label={t('prevention.settings.appointmentPlace')}
          optional
          maxLength={200}
          value={v.appointmentPlace}
          error={err('appointmentPlace')}
          onChange={(e) => onChange({ appointmentPlace: e.target.value })}
        />
      </Fieldset>
    </div>
  );
}
