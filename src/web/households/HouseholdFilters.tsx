import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOUSING_SITUATIONS } from '../../contracts/common';
import { CheckboxField, SelectField, TextField } from '../components/Field';
import { useDebouncedValue } from '../lib/hooks';
import { DEFAULT_PARAMS, PAGE_SIZES, SORTS, type ListParams } from './listParams';
import { useDistricts, useStaff } from './queries';

interface Props {
  params: ListParams;
  /** Changes filters; every filter change goes back to page 1. */
  onChange: (patch: Partial<ListParams>) => void;
}

export function HouseholdFilters({ params, onChange }: Props) {
  const { t } = useTranslation();
  const staff = useStaff();
  const districts = useDistricts();

  // Search text is local while typing and reaches the URL debounced.
  const [q, setQ] = useState(params.q);
  const pushed = useRef(params.q);
  const debouncedQ = useDebouncedValue(q, 350);
  useEffect(() => {
    if (debouncedQ.trim() !== pushed.current.trim()) {
      pushed.current = debouncedQ;
      onChange({ q: debouncedQ });
    }
  }, [debouncedQ]); // eslint-disable-line react-hooks/exhaustive-deps -- only react to the debounced text
  useEffect(() => {
    // URL changed from outside (back button, reset link): follow it.
    if (params.q.trim() !== pushed.current.trim()) {
      pushed.current = params.q;
      setQ(params.q);
    }
  }, [params.q]);

  const caseManagers = (staff.data ?? []).filter((s) => s.role === 'case_manager' || s.role === 'lead');

  return (
    <section role="search" className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="kern-heading-small">
        {t('households.filters')}
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
          id="filter-q"
          className="filters__search"
          label={t('households.search')}
          type="search"
          value={q}
          maxLength={100}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          id="filter-situation"
          label={t('situation.label')}
          value={params.situation}
          placeholder={t('common.all')}
          options={HOUSING_SITUATIONS.map((s) => ({ value: s, label: t(`situation.${s}`) }))}
          onChange={(e) => onChange({ situation: e.target.value as ListParams['situation'] })}
        />
        {caseManagers.length > 0 && (
          <SelectField
            id="filter-case-manager"
            label={t('households.col.caseManager')}
            value={params.caseManagerId}
            placeholder={t('common.all')}
            options={caseManagers.map((s) => ({ value: s.id, label: s.displayName }))}
            onChange={(e) => onChange({ caseManagerId: e.target.value })}
          />
        )}
        {(districts.data ?? []).length > 0 && (
          <SelectField
            id="filter-district"
            label={t('householdList.filter.district')}
            value={params.district}
            placeholder={t('householdList.filter.districtAll')}
            options={(districts.data ?? []).map((d) => ({ value: d, label: d }))}
            onChange={(e) => onChange({ district: e.target.value })}
          />
        )}
        <TextField
          id="filter-min-persons"
          label={t('households.minPersons')}
          type="number"
          inputMode="numeric"
          min={1}
          max={20}
          value={params.minPersons ?? ''}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            onChange({ minPersons: Number.isFinite(n) && n >= 1 && n <= 20 ? n : null });
          }}
        />
        <SelectField
          id="filter-sort"
          label={t('households.sort')}
          value={params.sort}
          options={SORTS.map((s) => ({ value: s, label: t(`households.sortOptions.${s}`) }))}
          onChange={(e) => onChange({ sort: e.target.value as ListParams['sort'] })}
        />
        <SelectField
          id="filter-page-size"
          label={t('pagination.pageSize')}
          value={String(params.pageSize)}
          options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
          onChange={(e) => onChange({ pageSize: Number(e.target.value) })}
        />
        <div className="filters__checks">
          <CheckboxField
            id="filter-seeking"
            label={t('households.seekingHousing')}
            checked={params.seekingHousing}
            onChange={(e) => onChange({ seekingHousing: e.target.checked })}
          />
          <CheckboxField
            id="filter-overdue"
            label={t('householdList.filter.overdue')}
            checked={params.overdue}
            onChange={(e) => onChange({ overdue: e.target.checked })}
          />
          <CheckboxField
            id="filter-mine"
            label={t('households.mine')}
            checked={params.mine}
            onChange={(e) => onChange({ mine: e.target.checked })}
          />
          <CheckboxField
            id="filter-wheelchair"
            label={t('households.wheelchair')}
            checked={params.wheelchair}
            onChange={(e) => onChange({ wheelchair: e.target.checked })}
          />
        </div>
        <div className="filters__actions">
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            onClick={() => {
              setQ('');
              pushed.current = '';
              onChange({ ...DEFAULT_PARAMS, pageSize: params.pageSize });
            }}
          >
            <span className="kern-label">{t('households.resetFilters')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
