import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { useOfferPage } from './context';
import { documentUrl } from './queries';

/** Generated PDFs of the offer (allocation notice, guarantee contract) as download links. */
export function DocumentList() {
  const { t, i18n } = useTranslation();
  const { offer } = useOfferPage();
  if (offer.documents.length === 0) return <p className="kern-body">{t('placement.overview.noDocuments')}</p>;
  const kindLabel = (kind: string) =>
    i18n.exists(`placement.documentKind.${kind}`) ? t(`placement.documentKind.${kind as 'guarantee_contract'}`) : kind;
  return (
    <ul className="kern-list document-list">
      {offer.documents.map((d) => (
        <li key={d.id}>
          <a className="kern-link" href={documentUrl(offer.id, d.id)} download>
            <span className="kern-icon kern-icon--download kern-icon--small" aria-hidden="true" />
            {t('placement.overview.download', { name: kindLabel(d.kind) })}
          </a>{' '}
          <span className="kern-body kern-body--small kern-body--muted">
            ({d.filename}, {formatDate(d.createdAt, 'Europe/Berlin')})
          </span>
        </li>
      ))}
    </ul>
  );
}
