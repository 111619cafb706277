import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { useDebouncedValue } from '../lib/hooks';
import { defaultQueueParams, QUEUE_SORTS, QUEUE_STATUSES, type QueueParams, type QueueStatus } from './listParams';

interface Props {
  params: QueueParams;
  portal: boolean;
  onChange: (patch: Partial<QueueParams>) => void;
}

export function OfferQueueFilters({ params, portal, onChange }: Props) {
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

  const statusLabel = (s: QueueStatus) =>
    s === 'all' ? t('placement.queue.statusAll') : s === 'open' ? t('placement.queue.statusOpen') : t(`placement.state.${s}`);

  return (
    <section role="search" className="filters" aria-labelledby="offer-filters-title">
      <h2 id="offer-filters-title" className="kern-heading-small">
        {t('placement.queue.filters')}
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
          id="offer-filter-q"
          className="filters__search"
          label={t('placement.queue.search')}
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="offer-filter-status"
          label={t('placement.queue.status')}
          value={params.status}
          options={QUEUE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          onChange={(e) => onChange({ status: e.target.value as QueueStatus })}
        />
        <SelectField
          id="offer-filter-sort"
          label={t('placement.queue.sort')}
          value={params.sort}
          options={QUEUE_SORTS.map((s) => ({ value: s, label: t(`placement.queue.sortOptions.${s}`) }))}
          onChange={(e) => onChange({ sort: e.target.value as QueueParams['sort'] })}
        />
        {!portal && (
          <div className="filters__checks">
            <CheckboxField
              id="offer-filter-mine"
              label={t('placement.queue.mine')}
              checked={params.mine}
              onChange={(e) => onChange({ mine: e.target.checked })}
            />
          </div>
        )}
        <div className="filters__actions">
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => {
              setQ('');
              pushed.current = '';
              onChange({ ...defaultQueueParams(portal), pageSize: params.pageSize });
            }}
          >
            <span className="kern-label">{t('placement.queue.reset')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
