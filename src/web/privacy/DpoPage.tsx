import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { useConsentLog, useTransferLog } from './queries';
import { RetentionRunsSection } from './RetentionRunsSection';

type ModuleKey = 'households' | 'prevention' | 'placement' | 'sustainment' | 'aftercare' | 'privacy';

/** /privacy/dpo – the data-protection officer's read-only view: transfer log, consents, retention runs and links to requests, audit and records of processing. */
export function DpoPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const transfers = useTransferLog();
  const consents = useConsentLog();
  const mod = (m: string) => t(`privacy.dpo.modules.${m as ModuleKey}`);
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  const title = t('privacy.dpo.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{t('privacy.dpo.intro')}</p>
      <Section id="dpo-links" title={t('privacy.dpo.links')}>
        <ul className="kern-list">
          {can(me, 'privacy.request.list') && (
            <li>
              <Link className="kern-link" to="/privacy">
                {t('privacy.dpo.requests')}
              </Link>
            </li>
          )}
          {can(me, 'audit.list') && (
            <li>
              <Link className="kern-link" to="/audit">
                {t('privacy.dpo.audit')}
              </Link>
            </li>
          )}
          <li>
            <a className="kern-link" href={`/api/v1/privacy/processing.pdf?lang=${lang}`} download>
              {t('privacy.dpo.processing')}
            </a>
          </li>
        </ul>
      </Section>
      <Section id="dpo-transfers" title={t('privacy.dpo.transfers')}>
        {transfers.isPending ? (
          <Loading />
        ) : transfers.isError ? (
          <ErrorAlert message={errorMessage(transfers.error, t)} />
        ) : (
          <>
            <p className="kern-hint">{t('privacy.dpo.limit', { limit: transfers.data.limit })}</p>
            <DataTable
              caption={t('privacy.dpo.transfers')}
              captionHidden
              columns={[
                { key: 'at', header: t('privacy.dpo.at'), cell: (r) => <span className="sus-nowrap">{formatDateTime(r.at)}</span> },
                { key: 'module', header: t('privacy.dpo.module'), cell: (r) => mod(r.module) },
                { key: 'household', header: t('privacy.dpo.household'), rowHeader: true, cell: (r) => r.householdReference },
                { key: 'recipient', header: t('privacy.dpo.recipient'), cell: (r) => r.recipient },
                { key: 'fields', header: t('privacy.dpo.fields'), cell: (r) => r.fields.join(', ') },
              ]}
              rows={transfers.data.items}
              rowKey={(r, i) => `${r.at}-${i}`}
              empty={t('privacy.dpo.transfersEmpty')}
            />
          </>
        )}
      </Section>
      <Section id="dpo-consents" title={t('privacy.dpo.consents')}>
        {consents.isPending ? (
          <Loading />
        ) : consents.isError ? (
          <ErrorAlert message={errorMessage(consents.error, t)} />
        ) : (
          <DataTable
            caption={t('privacy.dpo.consents')}
            captionHidden
            columns={[
              { key: 'household', header: t('privacy.dpo.household'), rowHeader: true, cell: (r) => r.householdReference },
              { key: 'module', header: t('privacy.dpo.module'), cell: (r) => mod(r.module) },
              { key: 'recipient', header: t('privacy.dpo.recipient'), cell: (r) => r.recipient },
              { key: 'purpose', header: t('privacy.dpo.purpose'), cell: (r) => r.purpose },
              { key: 'given', header: t('privacy.dpo.givenOn'), cell: (r) => formatDate(r.givenOn) },
              { key: 'until', header: t('privacy.dpo.validUntil'), cell: (r) => (r.validUntil ? formatDate(r.validUntil) : '—') },
              {
                key: 'withdrawn',
                header: t('privacy.dpo.withdrawnOn'),
                cell: (r) => (r.withdrawnOn ? formatDate(r.withdrawnOn) : t('privacy.dpo.inForce')),
              },
            ]}
            rows={consents.data.items}
            rowKey={(r, i) => `${r.householdId}-${r.module}-${i}`}
            empty={t('privacy.dpo.consentsEmpty')}
          />
        )}
      </Section>
      {can(me, 'retention.runs') && <RetentionRunsSection />}
    </>
  );
}
