import { useTranslation } from 'react-i18next';
import { Fieldset, SelectField, TextField } from '../components/Field';
import { fieldId } from '../lib/validation';
import { FORM, type FieldsProps } from './NoticeFields';
import type { PartyForm } from './noticeForm';

const id = (p: string) => fieldId(FORM, p);
const ROLES: PartyForm['role'][] = ['plaintiff', 'defendant', 'other'];

/** The court notice (Mitteilung in Zivilsachen): court, file number, service, hearing, parties. */
export function CourtFields({ form, errors, onChange }: FieldsProps) {
  const { t } = useTranslation();
  const setParty = (i: number, patch: Partial<PartyForm>) =>
    onChange({ parties: form.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Fieldset legend={t('prevention.form.court')}>
      <div className="form-grid">
        <TextField
          id={id('courtName')}
          label={t('prevention.form.courtName')}
          optional
          maxLength={200}
          value={form.courtName}
          error={errors.error('courtName')}
          onChange={(e) => onChange({ courtName: e.target.value })}
        />
        <TextField
          id={id('courtFileNumber')}
          label={t('prevention.form.courtFileNumber')}
          optional
          maxLength={60}
          value={form.courtFileNumber}
          error={errors.error('courtFileNumber')}
          onChange={(e) => onChange({ courtFileNumber: e.target.value })}
        />
        <TextField
          id={id('lawsuitServedOn')}
          label={t('prevention.form.lawsuitServedOn')}
          hint={t('prevention.form.lawsuitServedHint')}
          type="date"
          optional
          value={form.lawsuitServedOn}
          error={errors.error('lawsuitServedOn')}
          onChange={(e) => onChange({ lawsuitServedOn: e.target.value })}
        />
        <TextField
          id={id('hearingAt')}
          label={t('prevention.form.hearingAt')}
          type="datetime-local"
          optional
          value={form.hearingAt}
          error={errors.error('hearingAt')}
          onChange={(e) => onChange({ hearingAt: e.target.value })}
        />
        <TextField
          id={id('writtenProceedingsServedOn')}
          label={t('prevention.form.writtenProceedingsServedOn')}
          hint={t('prevention.form.writtenProceedingsHint')}
          type="date"
          optional
          value={form.writtenProceedingsServedOn}
          error={errors.error('writtenProceedingsServedOn')}
          onChange={(e) => onChange({ writtenProceedingsServedOn: e.target.value })}
        />
      </div>
      <Fieldset legend={t('prevention.form.parties')} id={id('parties')} error={errors.error('parties')} className="fieldset--nested">
        {form.parties.length === 0 && <p className="kern-body kern-body--small">{t('prevention.form.noParties')}</p>}
        {form.parties.map((p, i) => (
          <div key={i} className="party-row">
            <SelectField
              id={id(`parties.${i}.role`)}
              label={t('prevention.form.partyRole', { n: i + 1 })}
              value={p.role}
              options={ROLES.map((r) => ({ value: r, label: t(`prevention.party.${r}`) }))}
              onChange={(e) => setParty(i, { role: e.target.value as PartyForm['role'] })}
            />
            <TextField
              id={id(`parties.${i}.name`)}
              label={t('prevention.form.partyName', { n: i + 1 })}
              required
              maxLength={200}
              value={p.name}
              error={errors.error(`parties.${i}.name`)}
              onChange={(e) => setParty(i, { name: e.target.value })}
            />
            <TextField
              id={id(`parties.${i}.address`)}
              label={t('prevention.form.partyAddress', { n: i + 1 })}
              optional
              maxLength={300}
              value={p.address}
              error={errors.error(`parties.${i}.address`)}
              onChange={(e) => setParty(i, { address: e.target.value })}
            />
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => onChange({ parties: form.parties.filter((_, j) => j !== i) })}
            >
              <span className="kern-icon kern-icon--delete" aria-hidden="true" />
              <span className="kern-label">{t('prevention.form.removeParty', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        {form.parties.length < 20 && (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() =>
              onChange({
                parties: [...form.parties, { role: form.parties.length === 0 ? 'plaintiff' : 'defendant', name: '', address: '' }],
              })
            }
          >
            <span className="kern-icon kern-icon--add" aria-hidden="true" />
            <span className="kern-label">{t('prevention.form.addParty')}</span>
          </button>
        )}
      </Fieldset>
    </Fieldset>
  );
}
