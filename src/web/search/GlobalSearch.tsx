import { useEffect, useMemo, useRef, useState, type Key } from 'react';
import { Collection, ComboBox, Header, Input, Label, ListBox, ListBoxItem, ListBoxSection, Popover, Text } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SEARCH_LIMITS, type TSearchHit, type TSearchKind } from '../../contracts/search';
import { recordPath, resultsPath } from './paths';
import { useDebounced, useSearch } from './queries';
import './search.css';

type Option = { id: string; kind: TSearchKind | 'all'; hit?: TSearchHit };
type Section = { id: string; kind: TSearchKind | 'all'; items: Option[] };

/** Typing in another field must not be taken for the shortcut. */
const isEditable = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/**
 * The header's global search: a combobox (React Aria) with results as you type (debounced), grouped by
 * kind, Enter opens the record; the last option opens the full result page. "/" (outside text fields)
 * and Ctrl+K / ⌘K focus it.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const search = useSearch(q, SEARCH_LIMITS.dropdown);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const ctrlK = (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';
      const slash = e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(e.target);
      if (!ctrlK && !slash) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const sections = useMemo<Section[]>(() => {
    if (q.length < 2 || !search.data || search.data.q !== q) return [];
    const groups: Section[] = search.data.groups
      .filter((g) => g.items.length > 0)
      .map((g) => ({ id: g.kind, kind: g.kind, items: g.items.map((hit) => ({ id: `${g.kind}:${hit.id}`, kind: g.kind, hit })) }));
    return [...groups, { id: 'all-section', kind: 'all', items: [{ id: 'all', kind: 'all' }] }];
  }, [q, search.data]);
  const empty = sections.length === 1;

  const open = (key: Key | null) => {
    if (key === null) return;
    const option = sections.flatMap((s) => s.items).find((o) => o.id === key);
    if (!option) return;
    void navigate(option.kind === 'all' || !option.hit ? resultsPath(q) : recordPath(option.kind, option.hit.id));
    setText('');
  };

  return (
    <ComboBox
      className="global-search"
      aria-describedby="global-search-hint"
      items={sections}
      inputValue={text}
      onInputChange={setText}
      selectedKey={null}
      onSelectionChange={open}
      allowsEmptyCollection
      allowsCustomValue
      menuTrigger="input"
    >
      <Label className="visually-hidden">{t('search.label')}</Label>
      <div className="global-search__field">
        <span className="kern-icon kern-icon--search global-search__icon" aria-hidden="true" />
        <Input
          ref={input}
          className="kern-form-input__input global-search__input"
          placeholder={t('search.placeholder')}
          aria-keyshortcuts="/ Control+K"
          onKeyDown={(e) => {
            // Enter with no option chosen opens the full result page.
            if (e.key === 'Enter' && !e.currentTarget.getAttribute('aria-activedescendant') && text.trim().length >= 2) {
              void navigate(resultsPath(text.trim()));
              setText('');
            }
          }}
        />
        <kbd className="global-search__kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      <span id="global-search-hint" className="visually-hidden">
        {t('search.shortcutHint')}
      </span>
      <Popover className="global-search__popover" placement="bottom end">
        <ListBox<Section>
          className="global-search__list"
          renderEmptyState={() => (
            <p className="global-search__empty">{text.trim().length < 2 ? t('search.tooShort') : t('search.searching')}</p>
          )}
        >
          {(section) => (
            <ListBoxSection id={section.id} className="global-search__section">
              {section.kind !== 'all' && <Header className="global-search__header">{t(`search.kind.${section.kind}`)}</Header>}
              <Collection items={section.items}>
                {(option) =>
                  option.hit ? (
                    <ListBoxItem
                      id={option.id}
                      textValue={`${option.hit.reference} ${option.hit.title ?? ''}`}
                      className="global-search__item"
                    >
                      <Text slot="label" className="global-search__title">
                        <span className="global-search__ref">{option.hit.reference}</span> {option.hit.title}
                      </Text>
                      {option.hit.address && (
                        <Text slot="description" className="global-search__detail">
                          {option.hit.address}
                        </Text>
                      )}
                    </ListBoxItem>
                  ) : (
                    <ListBoxItem id="all" textValue={t('search.showAll', { q })} className="global-search__item global-search__item--all">
                      {empty ? `${t('search.none')} ` : ''}
                      {t('search.showAll', { q })}
                    </ListBoxItem>
                  )
                }
              </Collection>
            </ListBoxSection>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
