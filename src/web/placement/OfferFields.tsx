import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { CheckboxField, Fieldset, SelectField, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { formatNumber } from '../lib/numbers';
import { ROOM_OPTIONS, warmRentCents, type OfferForm } from './offerForm';

export const FORM = 'offer';

export interface FieldsProps {
  form: OfferForm;
  errors: FormErrors;
  onChange: (patch: Partial<OfferForm>) => void;
}

export function LocationFields({ form, errors, onChange, districts }: FieldsProps & { districts: string[] }) {
  const { t } = useTranslation();
  const id = (p: string) => fieldId(FORM, p);
  return (
    <Fieldset legend={t('placement.form.address')}>
      <TextField
        id={id('street')}
        label={t('placement.form.street')}
        required
        autoComplete="street-address"
        value={form.street}
        error={errors.error('street')}
        onChange={(e) => onChange({ street: e.target.value })}
      />
      <div className="form-grid form-grid--postal">
        <TextField
          id={id('postalCode')}
          label={t('placement.form.postalCode')}
          required
          inputMode="numeric"
          maxLength={5}
          autoComplete="postal-code"
          value={form.postalCode}
          error={errors.error('postalCode')}
          onChange={(e) => onChange({ postalCode: e.target.value })}
        />
        <TextField
          id={id('city')}
          label={t('placement.form.city')}
          required
          autoComplete="address-level2"
          value={form.city}
          error={errors.error('city')}
          onChange={(e) => onChange({ city: e.target.value })}
        />
      </div>
      <TextField
        id={id('district')}
        className="field--narrow"
        label={t('placement.form.district')}
        hint={districts.length ? t('placement.form.districtHint') : undefined}
        required
        list={districts.length ? 'offer-districts' : undefined}
        value={form.district}
        error={errors.error('district')}
        onChange={(e) => onChange({ district: e.target.value })}
      />
      {districts.length > 0 && (
        <datalist id="offer-districts">
          {districts.map((d) => (
            <option key={d} value={d} />
          ))}
        </datalist>
      )}
    </Fieldset>
  );
}

export function FlatFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const id = (p: string) => fieldId(FORM, p);
  return (
    <Fieldset legend={t('placement.form.flat')}>
      <div className="form-grid">
        <TextField
          id={id('livingSpace')}
          label={t('placement.form.livingSpace')}
          required
          inputMode="decimal"
          value={form.livingSpace}
          error={errors.error('livingSpace')}
          onChange={(e) => onChange({ livingSpace: e.target.value })}
        />
        <SelectField
          id={id('rooms')}
          label={t('placement.form.rooms')}
          required
          placeholder={t('common.pleaseSelect')}
          value={form.rooms}
          options={ROOM_OPTIONS.map((r) => ({ value: String(r), label: formatNumber(r) }))}
          error={errors.error('rooms')}
          onChange={(e) => onChange({ rooms: e.target.value })}
        />
        <TextField
          id={id('floor')}
          label={t('placement.form.floor')}
          hint={t('placement.form.floorHint')}
          type="number"
          inputMode="numeric"
          min={-1}
          max={40}
          required
          value={form.floor}
          error={errors.error('floor')}
          onChange={(e) => onChange({ floor: e.target.value })}
        />
        <TextField
          id={id('availableFrom')}
          label={t('placement.form.availableFrom')}
          type="date"
          required
          value={form.availableFrom}
          error={errors.error('availableFrom')}
          onChange={(e) => onChange({ availableFrom: e.target.value })}
        />
      </div>
      <CheckboxField
        id={id('lift')}
        label={t('placement.form.lift')}
        checked={form.lift}
        error={errors.error('lift')}
        onChange={(e) => onChange({ lift: e.target.checked })}
      />
    </Fieldset>
  );
}

export function CostFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const id = (p: string) => fieldId(FORM, p);
  const hint = t('placement.money.hint');
  const warm = warmRentCents(form);
  const money = (key: 'coldRent' | 'serviceCharges' | 'heating' | 'deposit', path: string, label: string, required = true) => (
    <TextField
      id={id(path)}
      label={label}
      hint={hint}
      required={required}
      inputMode="decimal"
      value={form[key]}
      error={errors.error(path)}
      onChange={(e) => onChange({ [key]: e.target.value })}
    />
  );
  return (
    <Fieldset legend={t('placement.form.costs')}>
      <div className="form-grid">
        {money('coldRent', 'coldRentCents', t('placement.form.coldRent'))}
        {money('serviceCharges', 'serviceChargesCents', t('placement.form.serviceCharges'))}
        {money('heating', 'heatingCents', t('placement.form.heating'))}
        {money('deposit', 'depositCents', t('placement.form.deposit'))}
        <TextField
          id={id('heatingType')}
          label={t('placement.form.heatingType')}
          optional
          maxLength={80}
          value={form.heatingType}
          error={errors.error('heatingType')}
          onChange={(e) => onChange({ heatingType: e.target.value })}
        />
      </div>
      <p className="kern-body kern-body--bold" aria-live="polite">
        {warm !== null ? t('placement.form.warmRentPreview', { amount: formatEuro(warm) }) : ''}
      </p>
    </Fieldset>
  );
}
