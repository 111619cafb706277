import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ok, type ApiResponse } from '../api';
import { PagedResults } from '../components/PagedResults';
import { PageHeading } from '../components/PageHeading';
import { formatDate } from '../i18n/format';
import { steeringKeys } from './queries';
import './steering.css';

type TCases = ApiResponse<'/steering/figures/{key}/cases', 'get'>;
type TCase = TCases['items'][number];

/** Drill-down: the cases behind one key figure for the period (agency staff only), each linked to its page. */
export function FigureCasesPage() {
  const { t, i18n } = useTranslation();
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const list = useQuery({
    queryKey: [...steeringKeys.all, 'cases', key, from, to, page],
    queryFn: ({ signal }) =>
      ok(api.GET('/steering/figures/{key}/cases', { params: { path: { key }, query: { from, to, page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
  const title = list.data ? (i18n.resolvedLanguage === 'en' ? list.data.title.en : list.data.title.de) : key;
  const heading = t('steering.cases.title', { title });
  return (
    <>
      <PageHeading title={heading}>{heading}</PageHeading>
      <p className="kern-body">
        {from && to && t('steering.cases.period', { from: formatDate(from), to: formatDate(to) })} {t('steering.cases.intro')}
      </p>
      <p className="kern-body">
        <Link className="kern-link" to={`/reporting`}>
          {t('steering.cases.back')}
        </Link>
      </p>
      <PagedResults<TCase>
        list={list}
        count={(n) => t('steering.cases.count', { count: n })}
        caption={(p) => t('steering.cases.caption', { title, page: p })}
        empty={t('steering.cases.empty')}
        rowKey={(r) => `${r.caseId}-${r.on}`}
        onPage={(p) => setParams(new URLSearchParams({ from, to, page: String(p) }))}
        columns={[
          {
            key: 'reference',
            header: t('steering.cases.reference'),
            rowHeader: true,
            cell: (r) => (
              <Link className="kern-link" to={r.link}>
                {r.reference}
              </Link>
            ),
          },
          {
            key: 'file',
            header: t('steering.cases.fileNumber'),
            cell: (r) =>
              r.householdId && r.fileNumber ? (
                <Link className="kern-link" to={`/households/${r.householdId}`}>
                  {r.fileNumber}
                </Link>
              ) : (
                '–'
              ),
          },
          { key: 'on', header: t('steering.cases.on'), cell: (r) => formatDate(r.on) },
        ]}
      />
    </>
  );
}
