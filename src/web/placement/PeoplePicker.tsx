import { useTranslation } from 'react-i18next';
import { CheckboxField, Fieldset } from '../components/Field';
import { fieldId } from '../lib/validation';
import { toggle } from './offerForm';
import type { Person } from './people';

interface Props {
  formId: string;
  path: string;
  legend: string;
  hint: string;
  people: Person[];
  value: string[];
  error?: string;
  onChange: (ids: string[]) => void;
}

/** Multi-select of attendees as a checkbox group, office and housing company apart. */
export function PeoplePicker({ formId, path, legend, hint, people, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const groups = [
    { key: 'staff', label: t('placement.viewing.staffPeople'), list: people.filter((p) => p.group === 'staff') },
    { key: 'provider', label: t('placement.viewing.providerPeople'), list: people.filter((p) => p.group === 'provider') },
  ].filter((g) => g.list.length > 0);
  return (
    <Fieldset legend={legend} id={fieldId(formId, path)} error={error}>
      <p className="kern-hint">{hint}</p>
      {groups.map((g) => (
        <div key={g.key} className="people-group">
          <p className="kern-body kern-body--bold">{g.label}</p>
          <div className="check-grid">
            {g.list.map((p) => (
              <CheckboxField
                key={p.id}
                id={fieldId(formId, `${path}-${p.id}`)}
                label={p.displayName}
                checked={value.includes(p.id)}
                onChange={(e) => onChange(toggle(value, p.id, e.target.checked))}
              />
            ))}
          </div>
        </div>
      ))}
    </Fieldset>
  );
}
