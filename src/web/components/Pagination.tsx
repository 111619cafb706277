import { useTranslation } from 'react-i18next';

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** Names the navigation where a page has more than one (landmarks need distinct names). */
  label?: string;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
}

export function Pagination({ page, pageSize, total, onPage, label }: Props) {
  const { t } = useTranslation();
  const pages = pageCount(total, pageSize);
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t('pagination.label')}>
      <button type="button" className="kern-btn kern-btn--secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <span className="kern-icon kern-icon--arrow-back" aria-hidden="true" />
        <span className="kern-label">{t('pagination.previous')}</span>
      </button>
      <span className="kern-body pagination__status">{t('pagination.status', { page, pages })}</span>
      <button type="button" className="kern-btn kern-btn--secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        <span className="kern-label">{t('pagination.next')}</span>
        <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
      </button>
    </nav>
  );
}
