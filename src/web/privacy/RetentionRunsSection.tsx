import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useRetentionRuns } from './queries';

type Status = 'due' | 'anonymised' | 'kept';

/** The daily retention runs on the DPO page: what each listed, who decided, what was deleted and pseudonymised (read-only). */
export function RetentionRunsSection() {
  const { t } = useTranslation();
  const runs = useRetentionRuns();
  const title = t('privacy.dpo.runs.title');
  return (
    <Section id="dpo-retention-runs" title={title}>
      <p className="kern-hint">{t('privacy.dpo.runs.intro')}</p>
      {runs.isPending ? (
        <Loading />
      ) : runs.isError ? (
        <ErrorAlert message={errorMessage(runs.error, t)} />
      ) : (
        <DataTable
          caption={title}
          captionHidden
          columns={[
            {
              key: 'ranOn',
              header: t('privacy.dpo.runs.ranOn'),
              rowHeader: true,
              cell: (r) => <span className="sus-nowrap">{formatDateTime(r.ranAt)}</span>,
            },
            { key: 'listed', header: t('privacy.dpo.runs.listed'), cell: (r) => r.listed },
            {
              key: 'decisions',
              header: t('privacy.dpo.runs.decisions'),
              cell: (r) =>
                r.reviews.length === 0 ? (
                  '—'
                ) : (
                  <ul className="kern-list">
                    {r.reviews.map((v) => (
                      <li key={v.id}>
                        {t('privacy.dpo.runs.decision', {
                          reference: v.reference,
                          status: t(`privacy.dpo.runs.status.${v.status as Status}`),
                          by: v.decidedBy ?? '—',
                          at: v.decidedAt ? formatDateTime(v.decidedAt) : '—',
                        })}
                      </li>
                    ))}
                  </ul>
                ),
            },
            { key: 'anonymised', header: t('privacy.dpo.runs.anonymised'), cell: (r) => r.anonymised },
            { key: 'documents', header: t('privacy.dpo.runs.documents'), cell: (r) => r.documentsDeleted },
            { key: 'audit', header: t('privacy.dpo.runs.audit'), cell: (r) => r.auditPseudonymised },
          ]}
          rows={runs.data.items}
          rowKey={(r) => r.id}
          empty={t('privacy.dpo.runs.empty')}
        />
      )}
    </Section>
  );
}
