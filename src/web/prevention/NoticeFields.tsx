import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../contracts/common';
import { PREVENTION_SOURCES, THREAT_STAGES } from '../../contracts/prevention';
import { Fieldset, SelectField, TextAreaField, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { emptyTenant, type NoticeForm, type TenantForm } from './noticeForm';

export const FORM = 'notice';

export interface FieldsProps {
  form: NoticeForm;
  errors: Pick<FormErrors, 'error'>;
  onChange: (patch: Partial<NoticeForm>) => void;
}

const id = (p: string) => fieldId(FORM, p);

/** Where the notice came from and when it arrived (the contact procedure starts then). */
export function SourceFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('prevention.form.sourceLegend')}>
      <div className="form-grid">
        <SelectField
          id={id('source')}
          label={t('prevention.form.source')}
          required
          value={form.source}
          options={PREVENTION_SOURCES.map((s) => ({ value: s, label: t(`prevention.source.${s}`) }))}
          error={errors.error('source')}
          onChange={(e) => onChange({ source: e.target.value as NoticeForm['source'] })}
        />
        <TextField
          id={id('receivedOn')}
          label={t('prevention.form.receivedOn')}
          hint={t('prevention.form.receivedOnHint')}
          type="date"
          required
          value={form.receivedOn}
          error={errors.error('receivedOn')}
          onChange={(e) => onChange({ receivedOn: e.target.value })}
        />
        {form.source === 'self_referral' ? (
          <SelectField
            id={id('selfReferralVia')}
            label={t('prevention.form.selfReferralVia')}
            optional
            placeholder={t('common.pleaseSelect')}
            value={form.selfReferralVia}
            options={(['walk_in', 'appointment'] as const).map((v) => ({ value: v, label: t(`prevention.selfReferralVia.${v}`) }))}
            error={errors.error('selfReferralVia')}
            onChange={(e) => onChange({ selfReferralVia: e.target.value as NoticeForm['selfReferralVia'] })}
          />
        ) : (
          <TextField
            id={id('sourceDetail')}
            label={t(`prevention.form.sourceDetail.${form.source}`)}
            optional
            maxLength={200}
            value={form.sourceDetail}
            error={errors.error('sourceDetail')}
            onChange={(e) => onChange({ sourceDetail: e.target.value })}
          />
        )}
      </div>
    </Fieldset>
  );
}

/** The tenants (the first is the household's main person). */
export function TenantFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<TenantForm>) =>
    onChange({ tenants: form.tenants.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Fieldset legend={t('prevention.form.tenants')} id={id('tenants')} error={errors.error('tenants')}>
      {form.tenants.map((p, i) => {
        const path = (f: string) => `tenants.${i}.${f}`;
        return (
          <Fieldset
            key={i}
            legend={i === 0 ? t('prevention.form.mainTenant') : t('prevention.form.tenant', { n: i + 1 })}
            className="fieldset--nested"
          >
            <div className="form-grid">
              <TextField
                id={id(path('firstName'))}
                label={t('household.firstName')}
                required
                maxLength={100}
                autoComplete="off"
                value={p.firstName}
                error={errors.error(path('firstName'))}
                onChange={(e) => set(i, { firstName: e.target.value })}
              />
              <TextField
                id={id(path('lastName'))}
                label={t('household.lastName')}
                required
                maxLength={100}
                autoComplete="off"
                value={p.lastName}
                error={errors.error(path('lastName'))}
                onChange={(e) => set(i, { lastName: e.target.value })}
              />
              <TextField
                id={id(path('birthDate'))}
                label={t('household.birthDate')}
                type="date"
                optional
                value={p.birthDate}
                error={errors.error(path('birthDate'))}
                onChange={(e) => set(i, { birthDate: e.target.value })}
              />
              <SelectField
                id={id(path('gender'))}
                label={t('household.gender')}
                value={p.gender}
                options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
                onChange={(e) => set(i, { gender: e.target.value as TenantForm['gender'] })}
              />
              <TextField
                id={id(path('phone'))}
                label={t('household.phone')}
                type="tel"
                optional
                maxLength={40}
                autoComplete="off"
                value={p.phone}
                error={errors.error(path('phone'))}
                onChange={(e) => set(i, { phone: e.target.value })}
              />
              <TextField
                id={id(path('email'))}
                label={t('household.email')}
                type="email"
                optional
                maxLength={200}
                autoComplete="off"
                value={p.email}
                error={errors.error(path('email'))}
                onChange={(e) => set(i, { email: e.target.value })}
              />
            </div>
            {i > 0 && (
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => onChange({ tenants: form.tenants.filter((_, j) => j !== i) })}
              >
                <span className="kern-icon kern-icon--delete" aria-hidden="true" />
                <span className="kern-label">{t('prevention.form.removeTenant', { n: i + 1 })}</span>
              </button>
            )}
          </Fieldset>
        );
      })}
      {form.tenants.length < 10 && (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => onChange({ tenants: [...form.tenants, emptyTenant()] })}
        >
          <span className="kern-icon kern-icon--add" aria-hidden="true" />
          <span className="kern-label">{t('prevention.form.addTenant')}</span>
        </button>
      )}
    </Fieldset>
  );
}

/** The threatened home, the landlord and the money owed. */
export function HomeFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('prevention.form.home')}>
      <TextField
        id={id('street')}
        label={t('prevention.form.street')}
        required
        maxLength={200}
        autoComplete="off"
        value={form.street}
        error={errors.error('street')}
        onChange={(e) => onChange({ street: e.target.value })}
      />
      <div className="form-grid form-grid--postal">
        <TextField
          id={id('postalCode')}
          label={t('prevention.form.postalCode')}
          required
          inputMode="numeric"
          maxLength={5}
          value={form.postalCode}
          error={errors.error('postalCode')}
          onChange={(e) => onChange({ postalCode: e.target.value })}
        />
        <TextField
          id={id('city')}
          label={t('prevention.form.city')}
          required
          maxLength={100}
          value={form.city}
          error={errors.error('city')}
          onChange={(e) => onChange({ city: e.target.value })}
        />
      </div>
      <div className="form-grid">
        <TextField
          id={id('landlordName')}
          label={t('prevention.form.landlordName')}
          optional
          maxLength={200}
          value={form.landlordName}
          error={errors.error('landlordName')}
          onChange={(e) => onChange({ landlordName: e.target.value })}
        />
        <TextField
          id={id('landlordAddress')}
          label={t('prevention.form.landlordAddress')}
          optional
          maxLength={300}
          value={form.landlordAddress}
          error={errors.error('landlordAddress')}
          onChange={(e) => onChange({ landlordAddress: e.target.value })}
        />
      </div>
      <div className="form-grid">
        <TextField
          id={id('monthlyRentCents')}
          label={t('prevention.form.monthlyRent')}
          hint={t('prevention.money.euroHint')}
          optional
          inputMode="decimal"
          value={form.monthlyRent}
          error={errors.error('monthlyRentCents')}
          onChange={(e) => onChange({ monthlyRent: e.target.value })}
        />
        <TextField
          id={id('arrearsCents')}
          label={t('prevention.form.arrears')}
          hint={t('prevention.money.euroHint')}
          optional
          inputMode="decimal"
          value={form.arrears}
          error={errors.error('arrearsCents')}
          onChange={(e) => onChange({ arrears: e.target.value })}
        />
        <TextField
          id={id('compensationCents')}
          label={t('prevention.form.compensation')}
          hint={t('prevention.money.euroHint')}
          optional
          inputMode="decimal"
          value={form.compensation}
          error={errors.error('compensationCents')}
          onChange={(e) => onChange({ compensation: e.target.value })}
        />
      </div>
    </Fieldset>
  );
}

/** Threat stage and the facts the legal clock is computed from. */
export function LegalFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={t('prevention.form.legal')}>
      <div className="form-grid">
        <SelectField
          id={id('threatStage')}
          label={t('prevention.form.threatStage')}
          hint={t('prevention.form.threatStageHint')}
          placeholder={t('prevention.form.threatStageAuto')}
          value={form.threatStage}
          options={THREAT_STAGES.map((s) => ({ value: s, label: t(`prevention.stage.${s}`) }))}
          error={errors.error('threatStage')}
          onChange={(e) => onChange({ threatStage: e.target.value as NoticeForm['threatStage'] })}
        />
        <TextField
          id={id('terminationOn')}
          label={t('prevention.form.terminationOn')}
          type="date"
          optional
          value={form.terminationOn}
          error={errors.error('terminationOn')}
          onChange={(e) => onChange({ terminationOn: e.target.value })}
        />
        <TextField
          id={id('previousCureOn')}
          label={t('prevention.form.previousCureOn')}
          hint={t('prevention.form.previousCureHint')}
          type="date"
          optional
          value={form.previousCureOn}
          error={errors.error('previousCureOn')}
          onChange={(e) => onChange({ previousCureOn: e.target.value })}
        />
        <TextField
          id={id('evictionAt')}
          label={t('prevention.form.evictionAt')}
          type="datetime-local"
          optional
          value={form.evictionAt}
          error={errors.error('evictionAt')}
          onChange={(e) => onChange({ evictionAt: e.target.value })}
        />
      </div>
      <div className="kern-form-check">
        <input
          id={id('ordinaryTermination')}
          type="checkbox"
          className="kern-form-check__checkbox"
          checked={form.ordinaryTermination}
          aria-describedby={`${id('ordinaryTermination')}-hint`}
          onChange={(e) => onChange({ ordinaryTermination: e.target.checked })}
        />
        <label className="kern-label" htmlFor={id('ordinaryTermination')}>
          {t('prevention.form.ordinaryTermination')}
        </label>
        <div className="kern-hint checkbox-hint" id={`${id('ordinaryTermination')}-hint`}>
          {t('prevention.form.ordinaryTerminationHint')}
        </div>
      </div>
      <TextAreaField
        id={id('note')}
        label={t('prevention.form.note')}
        optional
        rows={3}
        maxLength={4000}
        value={form.note}
        error={errors.error('note')}
        onChange={(e) => onChange({ note: e.target.value })}
      />
    </Fieldset>
  );
}
