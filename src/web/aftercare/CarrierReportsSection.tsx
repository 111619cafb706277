import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { AnnualReportStateBadge } from './labels';
import { useAnnualReports, useRefreshAftercare } from './queries';

/**
 * The carriers' annual reports on the reports page: the Fachstelle sees every carrier's history
 * (filter by carrier), a carrier its own and starts last year's report.
 */
export function CarrierReportsSection({ office, carriers }: { office: boolean; carriers: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const refresh = useRefreshAftercare();
  const [carrierId, setCarrierId] = useState('');
  const list = useAnnualReports(carrierId);
  const lastYear = new Date().getFullYear() - 1;
  const begin = useMutation({
    mutationFn: () => ok(api.POST('/aftercare/annual-reports', { body: { year: lastYear } })),
    onSuccess: async (report) => {
      await refresh();
      await navigate(`/aftercare/reports/annual/${report.id}`);
    },
  });
  const hasLastYear = list.data?.items.some((x) => x.year === lastYear);
  return (
    <Section
      id="report-carriers"
      title={t('aftercare.reports.carrierReports')}
      actions={
        can(me, 'aftercare.annualReport.write') &&
        list.data &&
        !hasLastYear && (
          <Button onClick={() => begin.mutate()} disabled={begin.isPending}>
            {t('aftercare.reports.beginReport', { year: lastYear })}
          </Button>
        )
      }
    >
      <p className="kern-body">{t('aftercare.reports.carrierReportsIntro')}</p>
      {begin.error && <ErrorAlert message={errorMessage(begin.error, t)} />}
      {office && (
        <div className="filters__grid">
          <SelectField
            id="report-r-carrier"
            label={t('aftercare.reports.carrier')}
            value={carrierId}
            options={[{ value: '', label: t('aftercare.reports.allCarriers') }, ...carriers.map((c) => ({ value: c.id, label: c.name }))]}
            onChange={(e) => setCarrierId(e.target.value)}
          />
        </div>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error, t)} />
      ) : (
        <DataTable
          caption={t('aftercare.reports.carrierReports')}
          captionHidden
          rows={list.data.items}
          rowKey={(x) => x.id}
          empty={t('aftercare.reports.carrierReportsEmpty')}
          columns={[
            {
              key: 'year',
              header: t('aftercare.reports.reportYear'),
              rowHeader: true,
              cell: (x) => (
                <Link
                  className="kern-link"
                  to={`/aftercare/reports/annual/${x.id}`}
                  aria-label={t('aftercare.reports.openReport', { year: x.year, carrier: x.carrier.name })}
                >
                  {x.year}
                </Link>
              ),
            },
            { key: 'carrier', header: t('aftercare.reports.carrier'), cell: (x) => x.carrier.name },
            {
              key: 'state',
              header: t('aftercare.reports.reportState'),
              cell: (x) => (
                <span className="ac-links">
                  <AnnualReportStateBadge state={x.state} />
                  {x.returned && x.state === 'draft' && <span>{t('aftercare.reports.returnedFlag')}</span>}
                </span>
              ),
            },
            { key: 'due', header: t('aftercare.reports.due'), cell: (x) => formatDate(x.dueOn) },
            { key: 'n', header: t('aftercare.reports.submissionsCount'), numeric: true, cell: (x) => x.submissions },
            {
              key: 'last',
              header: t('aftercare.reports.lastSubmitted'),
              cell: (x) => (x.lastSubmittedAt ? formatDateTime(x.lastSubmittedAt) : t('common.none')),
            },
          ]}
        />
      )}
    </Section>
  );
}
