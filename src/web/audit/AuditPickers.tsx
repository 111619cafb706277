import { useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { ComboField, type ComboOption } from '../components/ComboField';
import { useRoleLabel } from '../lib/labels';
import { useDebounced, useSearch } from '../search/queries';

const SEARCH_LIMIT = 10;

/** The person filter: a combobox over the agency's accounts (the auditor's actor list, inactive ones marked). */
export function ActorPicker({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string | undefined;
  onChange: (actorId: string) => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const actors = useQuery({
    queryKey: ['audit-actors'],
    queryFn: ({ signal }) => ok(api.GET('/audit-events/actors', { signal })),
    staleTime: 5 * 60_000,
  });
  const options = useMemo<ComboOption[]>(
    () =>
      (actors.data ?? []).map((u) => ({
        id: u.id,
        label: u.displayName,
        detail: `${roleLabel(u.role)}${u.active ? '' : `, ${t('users.activeNo')}`}`,
      })),
    [actors.data, roleLabel, t],
  );
  return (
    <ComboField
      // Remount once the accounts arrive, so a person taken from the URL shows by name.
      key={actors.data ? 'loaded' : 'loading'}
      id={id}
      label={t('audit.actorId')}
      hint={t('audit.actorHint')}
      {...(error ? { error } : {})}
      options={options}
      selectedKey={value || null}
      onSelect={(o) => onChange(o?.id ?? '')}
      // Emptying the field removes the filter.
      onInputChange={(text) => {
        if (text === '' && value) onChange('');
      }}
      empty={t('audit.actorEmpty')}
      buttonLabel={t('audit.showOptions')}
    />
  );
}

/**
 * The record filter: searches records by file number or name with the global search (only what the
 * auditor may see, audited there); any other text — e.g. a pasted id of a record the auditor cannot
 * search — is taken as the record id.
 */
export function RecordPicker({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error?: string | undefined;
  onChange: (entityId: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const picked = useRef<{ id: string; label: string } | null>(null);
  const q = useDebounced(text.trim(), 250);
  const search = useSearch(picked.current ? '' : q, SEARCH_LIMIT);
  const options = useMemo<ComboOption[]>(
    () =>
      (search.data?.groups ?? []).flatMap((g) =>
        g.items.map((h) => ({
          id: h.id,
          label: `${h.reference}${h.title ? ` ${h.title}` : ''}`,
          detail: [t(`search.kind.${g.kind}`), h.address].filter(Boolean).join(' · '),
        })),
      ),
    [search.data, t],
  );
  return (
    <ComboField
      id={id}
      label={t('audit.entityId')}
      hint={t('audit.entityHint')}
      {...(error ? { error } : {})}
      options={options}
      serverFiltered
      allowsCustomValue
      inputValue={text}
      selectedKey={picked.current?.id ?? null}
      onInputChange={(v) => {
        setText(v);
        // Typing after a choice starts a new search; the text itself is the id until a hit is chosen.
        if (picked.current && v === picked.current.label) return;
        picked.current = null;
        onChange(v.trim());
      }}
      onSelect={(o) => {
        if (!o) return;
        picked.current = { id: o.id, label: o.label };
        setText(o.label);
        onChange(o.id);
      }}
      empty={text.trim().length < 2 ? t('audit.entityTooShort') : search.isFetching ? t('search.searching') : t('audit.entityEmpty')}
      buttonLabel={t('audit.showOptions')}
    />
  );
}
