import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { documentUrl, type PreventionCase } from './queries';

/** Generated letters (PDF) of a case as download links. */
export function DocumentLinks({ caseId, documents, label }: { caseId: string; documents: PreventionCase['documents']; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="document-links">
      <h3 className="kern-heading-small">{label}</h3>
      <ul className="plain-list">
        {documents.map((d) => (
          <li key={d.id}>
            <a className="kern-link" href={documentUrl(caseId, d.id)} download={d.filename}>
              <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
              {d.filename}
            </a>{' '}
            <span className="kern-body--small">
              {t('prevention.documents.createdAt', { date: formatDateTime(d.createdAt, 'Europe/Berlin') })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
