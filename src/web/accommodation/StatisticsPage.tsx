import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import { ZStatisticsSubmit, type TStatisticsTable } from '../../contracts/accommodationStatistics';
import { todayInBerlin } from '../../contracts/plausible';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { AccDialog } from './AccDialog';
import { accommodationKeys } from './queries';

const latestYear = (today: string) => Number(today.slice(0, 4)) - (today.slice(5) >= '02-01' ? 0 : 1);
const SEXES = ['male', 'female', 'diverse', 'unspecified'] as const;
type AgeBand = TStatisticsTable['sexAge'][number]['age'];
type AgeRow = Omit<TStatisticsTable['sexAge'][number], 'age'> & { age: AgeBand | 'total' };

/** The federal statistics (WoBerichtsG) of a year: reference day, deadline, the check of missing attributes, the files, the published table. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = latestYear(todayInBerlin());
  const year = Number(params.get('year') ?? latest);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const q = useQuery({
    queryKey: [...accommodationKeys.all, 'statistics', year],
    queryFn: ({ signal }) => ok(api.GET('/accommodation/statistics', { params: { query: { year } }, signal })),
  });
  const title = t('accStats.title');
  const n = (v: number | null) => (v === null ? t('accStats.small') : String(v));

  return (
    <>
      <PageHeading
        title={title}
        actions={
          q.data?.canSubmit && (
            <Button icon="check" onClick={() => setOpen(true)}>
              {t('accStats.submit')}
            </Button>
          )
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{t('accStats.intro')}</p>
      <SelectField
        id="acc-stats-year"
        label={t('accStats.year')}
        value={String(year)}
        onChange={(e) => setParams({ year: e.target.value })}
        options={Array.from({ length: 6 }, (_, i) => String(latest - i)).map((y) => ({ value: y, label: y }))}
      />
      {done && (
        <Alert variant="success">
          <p className="kern-body">{t('accStats.done')}</p>
        </Alert>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert message={errorMessage(q.error, t)} />
      ) : (
        <>
          <Section id="acc-stats-facts" title={t('accStats.facts')}>
            <DescriptionList
              items={[
                { key: 'day', label: t('accStats.referenceDay'), value: formatDate(q.data.referenceDay) },
                { key: 'due', label: t('accStats.dueOn'), value: formatDate(q.data.dueOn) },
                { key: 'ags', label: t('accStats.ags'), value: q.data.ags },
                { key: 'persons', label: t('accStats.persons'), value: String(q.data.persons) },
                {
                  key: 'state',
                  label: t('accStats.state'),
                  value: q.data.submittedAt
                    ? t('accStats.submitted', {
                        at: formatDateTime(q.data.submittedAt),
                        by: q.data.submittedBy ?? '–',
                        persons: q.data.submittedPersons,
                      })
                    : t('accStats.open'),
                },
              ]}
            />
          </Section>

          <Section id="acc-stats-check" title={t('accStats.check')}>
            {q.data.missingTotal === 0 ? (
              <p className="kern-body">{t('accStats.checkOk')}</p>
            ) : (
              <>
                <Alert variant="warning">
                  <p className="kern-body">
                    {t('accStats.checkIntro', { count: q.data.missingTotal })}
                    {q.data.missingTotal > q.data.missing.length && ` ${t('accStats.checkCut', { shown: q.data.missing.length })}`}
                  </p>
                </Alert>
                <DataTable
                  caption={t('accStats.check')}
                  captionHidden
                  rows={q.data.missing}
                  rowKey={(r) => r.memberId}
                  empty=""
                  columns={[
                    {
                      key: 'household',
                      header: t('accStats.col.household'),
                      rowHeader: true,
                      cell: (r) => <Link to={`/households/${r.householdId}`}>{r.reference}</Link>,
                    },
                    { key: 'person', header: t('accStats.col.person'), cell: (r) => r.name },
                    {
                      key: 'missing',
                      header: t('accStats.col.missing'),
                      cell: (r) => r.missing.map((m) => t(`accStats.missingAttr.${m}`)).join(', '),
                    },
                  ]}
                />
              </>
            )}
          </Section>

          <Section id="acc-stats-export" title={t('accStats.export')}>
            <p className="kern-body">{t('accStats.exportIntro')}</p>
            <div className="export-links" role="group" aria-label={t('accStats.export')}>
              {(['csv', 'xlsx'] as const).map((format) => (
                <a
                  key={format}
                  className="kern-btn kern-btn--tertiary"
                  href={`/api/v1/accommodation/statistics/${year}/export?format=${format}`}
                  download
                >
                  <span className="kern-icon kern-icon--download" aria-hidden="true" />
                  <span className="kern-label">{t(`accStats.${format}`)}</span>
                </a>
              ))}
            </div>
          </Section>

          <PublishedTable table={q.data.table} n={n} />
        </>
      )}
      {open && (
        <AccDialog
          formId="acc-stats-submit"
          title={t('accStats.submit')}
          intro={<p className="kern-body">{t('accStats.submitIntro')}</p>}
          submitLabel={t('accStats.submit')}
          step={{
            schema: ZStatisticsSubmit as z.ZodType,
            fields: [{ name: 'note', type: 'text', label: t('accStats.note'), optional: true }],
            run: (body: z.input<typeof ZStatisticsSubmit>) =>
              ok(api.POST('/accommodation/statistics/{year}/submitted', { params: { path: { year } }, body })),
          }}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setDone(true);
          }}
        />
      )}
    </>
  );
}

function PublishedTable({ table, n }: { table: TStatisticsTable; n: (v: number | null) => string }) {
  const { t } = useTranslation();
  return (
    <Section id="acc-stats-table" title={t('accStats.table')}>
      <p className="kern-body">{t('accStats.tableIntro')}</p>
      <DataTable
        caption={t('accStats.sexAge')}
        rows={[...table.sexAge, { age: 'total', male: null, female: null, diverse: null, unspecified: null, total: table.total } as AgeRow]}
        rowKey={(r) => r.age}
        empty=""
        columns={[
          {
            key: 'age',
            header: t('accStats.colAge'),
            rowHeader: true,
            cell: (r) => (r.age === 'total' ? t('accStats.total') : t(`accStats.age.${r.age as AgeBand}`)),
          },
          ...SEXES.map((s) => ({
            key: s,
            header: t(`accStats.sex.${s}`),
            numeric: true,
            cell: (r: AgeRow) => (r.age === 'total' ? '' : n(r[s])),
          })),
          { key: 'total', header: t('accStats.total'), numeric: true, cell: (r) => n(r.total) },
        ]}
      />
      <DataTable
        caption={t('accStats.householdTypes')}
        rows={table.householdTypes}
        rowKey={(r) => r.key}
        empty=""
        columns={[
          { key: 'key', header: t('accStats.col.household'), rowHeader: true, cell: (r) => t(`accStats.householdType.${r.key}`) },
          { key: 'count', header: t('accStats.colCount'), numeric: true, cell: (r) => n(r.count) },
        ]}
      />
      <DataTable
        caption={t('accStats.provisions')}
        rows={table.provisions}
        rowKey={(r) => r.key}
        empty=""
        columns={[
          { key: 'key', header: t('accommodation.col.provision'), rowHeader: true, cell: (r) => t(`accommodation.provision.${r.key}`) },
          { key: 'count', header: t('accStats.colCount'), numeric: true, cell: (r) => n(r.count) },
        ]}
      />
    </Section>
  );
}
