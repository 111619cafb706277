import { useTranslation } from 'react-i18next';
import { GENDERS } from '../../contracts/common';
import { Fieldset, SelectField, TextField } from '../components/Field';
import type { FormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { RELATIONSHIPS, type MemberForm } from './formModel';

interface Props {
  formId: string;
  index: number;
  member: MemberForm;
  errors: FormErrors;
  canRemove: boolean;
  onChange: (patch: Partial<MemberForm>) => void;
  onRemove: () => void;
}

/** One household member as a fieldset ("Mitglied 2"). */
export function MemberFields({ formId, index, member, errors, canRemove, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const path = (f: string) => `members.${index}.${f}`;
  const id = (f: string) => fieldId(formId, path(f));
  const n = index + 1;

  return (
    <Fieldset legend={t('household.member', { n })} className="member">
      <div className="form-grid">
        <TextField
          id={id('firstName')}
          label={t('household.firstName')}
          value={member.firstName}
          autoComplete="off"
          required
          maxLength={100}
          error={errors.error(path('firstName'))}
          onChange={(e) => onChange({ firstName: e.target.value })}
        />
        <TextField
          id={id('lastName')}
          label={t('household.lastName')}
          value={member.lastName}
          autoComplete="off"
          required
          maxLength={100}
          error={errors.error(path('lastName'))}
          onChange={(e) => onChange({ lastName: e.target.value })}
        />
        <TextField
          id={id('birthDate')}
          label={t('household.birthDate')}
          type="date"
          optional
          value={member.birthDate}
          error={errors.error(path('birthDate'))}
          onChange={(e) => onChange({ birthDate: e.target.value })}
        />
        <SelectField
          id={id('gender')}
          label={t('household.gender')}
          value={member.gender}
          options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          error={errors.error(path('gender'))}
          onChange={(e) => onChange({ gender: e.target.value as MemberForm['gender'] })}
        />
        <TextField
          id={id('nationality')}
          label={t('household.nationality')}
          optional
          value={member.nationality}
          maxLength={60}
          error={errors.error(path('nationality'))}
          onChange={(e) => onChange({ nationality: e.target.value })}
        />
        <SelectField
          id={id('relationship')}
          label={t('household.relationship')}
          value={member.relationship}
          options={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
          error={errors.error(path('relationship'))}
          onChange={(e) => onChange({ relationship: e.target.value as MemberForm['relationship'] })}
        />
        <TextField
          id={id('phone')}
          label={t('household.phone')}
          type="tel"
          optional
          value={member.phone}
          maxLength={40}
          autoComplete="off"
          error={errors.error(path('phone'))}
          onChange={(e) => onChange({ phone: e.target.value })}
        />
        <TextField
          id={id('email')}
          label={t('household.email')}
          type="email"
          optional
          value={member.email}
          maxLength={200}
          autoComplete="off"
          error={errors.error(path('email'))}
          onChange={(e) => onChange({ email: e.target.value })}
        />
      </div>
      {canRemove && (
        <div className="member__actions">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={onRemove}>
            <span className="kern-icon kern-icon--delete" aria-hidden="true" />
            <span className="kern-label">{t('household.removeMember', { n })}</span>
          </button>
        </div>
      )}
    </Fieldset>
  );
}
