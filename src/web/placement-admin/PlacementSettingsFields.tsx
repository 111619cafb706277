import { useTranslation } from 'react-i18next';
import { GUARANTEE_ITEMS } from '../../contracts/placement';
import { CheckboxField, Fieldset, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { exampleVideoUrl, WEIGHT_KEYS, type PlacementForm } from './settingsForm';
import './placementAdmin.css';

interface Props {
  formId: string;
  value: PlacementForm;
  errors: FormErrors;
  onChange: (patch: Partial<PlacementForm>) => void;
}

const P = 'settings.placement';

/** "Wohnungsvermittlung (WohnenPlus)" inside the agency settings form: deadlines, video link, guarantee, ranking weights. */
export function PlacementSettingsFields({ formId, value: v, errors, onChange }: Props) {
  const { t } = useTranslation();
  const id = (f: string) => fieldId(formId, `${P}.${f}`);
  const err = (f: string) => errors.error(`${P}.${f}`);
  const days = (
    f: 'checkWorkingDays' | 'roundTableWorkingDays' | 'decisionWorkingDays' | 'followUpWorkingDays' | 'leaseWorkingDays',
    max: number,
    hint?: string,
  ) => (
    <TextField
      id={id(f)}
      label={t(`placementAdmin.settings.${f}`)}
      hint={hint}
      type="number"
      inputMode="numeric"
      min={1}
      max={max}
      required
      value={v[f]}
      error={err(f)}
      onChange={(e) => onChange({ [f]: e.target.value })}
    />
  );

  return (
    <div className="placement-settings" role="group" aria-labelledby={`${formId}-placement-title`}>
      <h3 id={`${formId}-placement-title`} className="kern-heading-small">
        {t('placementAdmin.settings.title')}
      </h3>

      <Fieldset legend={t('placementAdmin.settings.deadlines')}>
        <div className="form-grid">
          {days('checkWorkingDays', 20)}
          {days('roundTableWorkingDays', 30)}
          {days('decisionWorkingDays', 20, t('placementAdmin.settings.decisionHint'))}
          {days('followUpWorkingDays', 20)}
          {days('leaseWorkingDays', 60)}
        </div>
      </Fieldset>

      <Fieldset legend={t('placementAdmin.settings.video')}>
        <TextField
          id={id('videoUrlTemplate')}
          label={t('placementAdmin.settings.videoUrlTemplate')}
          hint={t('placementAdmin.settings.videoHint')}
          type="url"
          maxLength={300}
          spellCheck={false}
          value={v.videoUrlTemplate}
          error={err('videoUrlTemplate')}
          onChange={(e) => onChange({ videoUrlTemplate: e.target.value })}
        />
        {v.videoUrlTemplate.trim() !== '' && (
          <p className="kern-body kern-body--small video-example">
            {t('placementAdmin.settings.videoExample', { url: exampleVideoUrl(v.videoUrlTemplate.trim()) })}
          </p>
        )}
      </Fieldset>

      <Fieldset legend={t('placementAdmin.settings.guarantee')}>
        <div className="form-grid">
          <TextField
            id={id('guaranteeYears')}
            label={t('placementAdmin.settings.guaranteeYears')}
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            required
            value={v.guaranteeYears}
            error={err('guaranteeYears')}
            onChange={(e) => onChange({ guaranteeYears: e.target.value })}
          />
          <TextField
            id={id('guaranteeMaxCents')}
            label={t('placementAdmin.settings.guaranteeMax')}
            hint={t('placementAdmin.money.euroHint')}
            inputMode="decimal"
            required
            value={v.guaranteeMax}
            error={err('guaranteeMaxCents')}
            onChange={(e) => onChange({ guaranteeMax: e.target.value })}
          />
        </div>
        <Fieldset
          legend={t('placementAdmin.settings.guaranteeItems')}
          id={id('guaranteeItems')}
          error={err('guaranteeItems')}
          className="fieldset--nested"
        >
          <div className="check-grid">
            {GUARANTEE_ITEMS.map((item) => (
              <CheckboxField
                key={item}
                id={id(`item-${item}`)}
                label={t(`placementAdmin.guaranteeItems.${item}`)}
                checked={v.guaranteeItems.includes(item)}
                onChange={(e) =>
                  onChange({
                    guaranteeItems: e.target.checked
                      ? GUARANTEE_ITEMS.filter((x) => x === item || v.guaranteeItems.includes(x))
                      : v.guaranteeItems.filter((x) => x !== item),
                  })
                }
              />
            ))}
          </div>
        </Fieldset>
      </Fieldset>

      <Fieldset legend={t('placementAdmin.settings.weights')}>
        <p className="kern-hint">{t('placementAdmin.settings.weightsHint')}</p>
        <div className="weights-grid">
          {WEIGHT_KEYS.map((k) => (
            <TextField
              key={k}
              id={id(`weights.${k}`)}
              label={t(`placementAdmin.settings.weight.${k}`)}
              inputMode="decimal"
              required
              value={v.weights[k]}
              error={err(`weights.${k}`)}
              onChange={(e) => onChange({ weights: { ...v.weights, [k]: e.target.value } })}
            />
          ))}
        </div>
      </Fieldset>
    </div>
  );
}
