import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { useConsentReport } from './queries';

type Item = NonNullable<ReturnType<typeof useConsentReport>['data']>[number];

/** Consents about to expire, withdrawn ones and refused transfers (lead, case managers). */
export function ConsentReportPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState(30);
  const report = useConsentReport(days);
  return (
    <>
      <PageHeading title={t('consentReport.title')}>{t('consentReport.title')}</PageHeading>
      <p className="kern-body">{t('consentReport.intro')}</p>
      <SelectField
        id="consent-report-days"
        label={t('consentReport.days')}
        value={String(days)}
        onChange={(e) => setDays(Number(e.target.value))}
        options={[14, 30, 60, 90].map((d) => ({ value: String(d), label: String(d) }))}
      />
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorAlert message={errorMessage(report.error, t)} />
      ) : (
        <DataTable<Item>
          caption={t('consentReport.title')}
          captionHidden
          rows={report.data}
          rowKey={(r) => `${r.kind}-${r.consentId ?? ''}-${r.householdId}-${r.on}`}
          empty={t('consentReport.empty')}
          columns={[
            { key: 'kind', header: t('consentReport.col.kind'), rowHeader: true, cell: (r) => t(`consentReport.kind.${r.kind}`) },
            {
              key: 'household',
              header: t('consentReport.col.household'),
              cell: (r) => (
                <Link className="kern-link" to={`/households/${r.householdId}`}>
                  {r.reference} · {r.headName}
                </Link>
              ),
            },
            { key: 'programme', header: t('consentReport.col.programme'), cell: (r) => t(`consentReport.programme.${r.programme}`) },
            { key: 'recipient', header: t('consentReport.col.recipient'), cell: (r) => r.recipient },
            { key: 'on', header: t('consentReport.col.on'), cell: (r) => (r.on.length > 10 ? formatDateTime(r.on) : formatDate(r.on)) },
            { key: 'reason', header: t('consentReport.col.reason'), cell: (r) => (r.reason ? t(`consentReport.reason.${r.reason}`) : '') },
          ]}
        />
      )}
    </>
  );
}
