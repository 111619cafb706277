import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Fieldset, TextField } from '../components/Field';
import { useDebouncedValue } from '../lib/hooks';

interface Props {
  id: string;
  value: { id: string; label: string } | null;
  error?: string;
  onChange: (v: { id: string; label: string } | null) => void;
}

/** Choose the household: search by name or case reference, then pick one of the hits (radio buttons). */
export function HouseholdPicker({ id, value, error, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 300);
  const hits = useQuery({
    queryKey: ['households', 'picker', term],
    queryFn: ({ signal }) => ok(api.GET('/households', { params: { query: { q: term, pageSize: 8, sort: 'name' } }, signal })),
    enabled: term.length >= 2,
  });
  const items = hits.data?.items ?? [];
  return (
    <Fieldset legend={t('sustainment.form.household')} id={id} error={error} className="plain-fieldset">
      {value && (
        <p className="kern-body" role="status">
          {t('sustainment.form.householdChosen', { name: value.label })}
        </p>
      )}
      <TextField
        id={`${id}-search`}
        label={t('sustainment.form.householdSearch')}
        hint={t('sustainment.form.householdSearchHint')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {term.length >= 2 && (
        <div className="sus-picker" aria-live="polite">
          {hits.isPending ? (
            <p className="kern-body">{t('app.loading')}</p>
          ) : items.length === 0 ? (
            <p className="kern-body">{t('sustainment.form.householdNone')}</p>
          ) : (
            items.map((h) => {
              const label = `${h.name} (${h.reference})`;
              return (
                <div className="kern-form-check" key={h.id}>
                  <input
                    id={`${id}-${h.id}`}
                    type="radio"
                    name={`${id}-hits`}
                    className="kern-form-check__radio"
                    checked={value?.id === h.id}
                    onChange={() => onChange({ id: h.id, label })}
                  />
                  <label className="kern-label" htmlFor={`${id}-${h.id}`}>
                    {label}
                  </label>
                </div>
              );
            })
          )}
        </div>
      )}
    </Fieldset>
  );
}
