import { useTranslation } from 'react-i18next';
import type { Query } from '../api';

/** The list's filters as an export's query: paging dropped (an export has all pages), empty values left out. */
export function exportHref(path: string, format: 'csv' | 'xlsx', query: Query, lang: string): string {
  const params = new URLSearchParams({ format, lang: lang === 'en' ? 'en' : 'de' });
  for (const [k, v] of Object.entries(query)) {
    if (k === 'page' || k === 'pageSize' || v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  return `/api/v1${path}/export?${params.toString()}`;
}

/**
 * "Exportieren: CSV | Excel" above a list: downloads of the list with its current filters (the
 * server's export route of `path`, e.g. "/households"; same filters, same scope, audited).
 */
export function ExportLinks({ path, query }: { path: string; query: Query }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'de';
  return (
    <div className="export-links" role="group" aria-label={t('exports.group')}>
      <span className="export-links__label" aria-hidden="true">
        {t('exports.label')}
      </span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          className="kern-btn kern-btn--tertiary"
          href={exportHref(path, format, query, lang)}
          download
          title={t(`exports.${format}Title`)}
          aria-label={t(`exports.${format}Title`)}
        >
          <span className="kern-icon kern-icon--download" aria-hidden="true" />
          <span className="kern-label">{t(`exports.${format}`)}</span>
        </a>
      ))}
    </div>
  );
}
