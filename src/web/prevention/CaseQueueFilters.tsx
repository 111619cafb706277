import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PREVENTION_SOURCES } from '../../contracts/prevention';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { useDebouncedValue } from '../lib/hooks';
import { defaultQueueParams, QUEUE_SORTS, QUEUE_STATUSES, type QueueParams } from './listParams';

interface Props {
  params: QueueParams;
  onChange: (patch: Partial<QueueParams>) => void;
}

export function CaseQueueFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState(params.q);
  const pushed = useRef(params.q);
  const debounced = useDebouncedValue(q, 350);
  useEffect(() => {
    if (debounced.trim() !== pushed.current.trim()) {
      pushed.current = debounced;
      onChange({ q: debounced });
    }
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps -- only the debounced text
  useEffect(() => {
    if (params.q.trim() !== pushed.current.trim()) {
      pushed.current = params.q;
      setQ(params.q);
    }
  }, [params.q]);

  return (
    <section role="search" className="filters" aria-labelledby="case-filters-title">
      <h2 id="case-filters-title" className="kern-heading-small">
        {t('prevention.queue.filters')}
      </h2>
      <form
        className="filters__grid"
        onSubmit={(e) => {
          e.preventDefault();
          pushed.current = q;
          onChange({ q });
        }}
      >
        <TextField
          id="case-filter-q"
          className="filters__search"
          label={t('prevention.queue.search')}
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="case-filter-status"
          label={t('prevention.queue.status')}
          value={params.status}
          options={QUEUE_STATUSES.map((s) => ({
            value: s,
            label: s === 'open' ? t('prevention.queue.statusOpen') : t(`prevention.state.${s}`),
          }))}
          onChange={(e) => onChange({ status: e.target.value as QueueParams['status'] })}
        />
        <SelectField
          id="case-filter-source"
          label={t('prevention.queue.source')}
          value={params.source}
          options={[
            { value: '', label: t('prevention.queue.sourceAll') },
            ...PREVENTION_SOURCES.map((s) => ({ value: s, label: t(`prevention.sourceShort.${s}`) })),
          ]}
          onChange={(e) => onChange({ source: e.target.value as QueueParams['source'] })}
        />
        <SelectField
          id="case-filter-sort"
          label={t('prevention.queue.sort')}
          value={params.sort}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`prevention.queue.sortOptions.${s}`) }))}
          onChange={(e) => onChange({ sort: e.target.value as QueueParams['sort'] })}
        />
        <div className="filters__checks">
          <CheckboxField
            id="case-filter-mine"
            label={t('prevention.queue.mine')}
            checked={params.mine}
            onChange={(e) => onChange({ mine: e.target.checked })}
          />
          <CheckboxField
            id="case-filter-overdue"
            label={t('prevention.queue.overdue')}
            checked={params.overdue}
            onChange={(e) => onChange({ overdue: e.target.checked })}
          />
          <CheckboxField
            id="case-filter-eviction"
            label={t('prevention.queue.evictionScheduled')}
            checked={params.evictionScheduled}
            onChange={(e) => onChange({ evictionScheduled: e.target.checked })}
          />
        </div>
        <div className="filters__actions">
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => {
              setQ('');
              pushed.current = '';
              onChange({ ...defaultQueueParams(), pageSize: params.pageSize });
            }}
          >
            <span className="kern-label">{t('prevention.queue.reset')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
