import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDeskItem } from '../../contracts/desk';
import { formatDate } from '../i18n/format';
import { useStoredText } from '../i18n/storedText';
import { useTexts } from '../i18n/useTexts';
import { useDeskLabels } from './labels';

/** An item's urgency as a small label with its due date ("überfällig · 03.12.2026"). */
export function DueLabel({ item }: { item: Pick<TDeskItem, 'urgency' | 'dueAt'> }) {
  const { t } = useTranslation();
  if (!item.dueAt) return null;
  const date = formatDate(item.dueAt, 'Europe/Berlin');
  return (
    <span className={`desk-due desk-due--${item.urgency}`}>
      {item.urgency === 'later' || item.urgency === 'none' ? t('desk.due', { date }) : `${t(`desk.urgency.${item.urgency}`)} · ${date}`}
    </span>
  );
}

/**
 * A list of start-page items of any module: title as link, detail, due date with urgency. A title
 * with a key (deadlines, notifications) is shown in the user's language; an old deadline stored only
 * in German: other languages name the deadline's kind and keep the German beside it.
 */
/** `showModule`: a list from several modules (recently opened) names each item's module. */
export function DeskItems({ items, empty, showModule = false }: { items: TDeskItem[]; empty: string; showModule?: boolean }) {
  const { i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const kindLabels: Record<string, string> = useTexts().deadlineKinds;
  const labels = useDeskLabels();
  const stored = useStoredText();
  if (items.length === 0) return <p className="kern-body desk-empty">{empty}</p>;
  return (
    <ul className="desk-items">
      {items.map((item) => {
        const keyed = stored.has(item.titleKey, item.titleParams);
        const label = keyed
          ? stored.text(item.titleKey, item.titleParams, item.title)
          : !german && item.module === 'deadlines'
            ? (kindLabels[item.kind] ?? item.title)
            : item.title;
        const detail = item.detail && stored.text(item.detailKey, item.titleParams, item.detail);
        return (
          <li key={`${item.module}:${item.kind}:${item.id}`} className={`desk-item desk-item--${item.urgency}`}>
            {showModule && <span className="desk-item__module">{labels.module(item.module)}</span>}
            <Link className="kern-link desk-item__title" to={item.link}>
              {label}
            </Link>
            {!keyed && label !== item.title && (
              <span className="desk-item__detail" lang="de">
                {item.title}
              </span>
            )}
            {detail && <span className="desk-item__detail">{detail}</span>}
            <DueLabel item={item} />
          </li>
        );
      })}
    </ul>
  );
}
