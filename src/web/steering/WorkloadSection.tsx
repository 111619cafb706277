import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useWorkload } from './reportQueries';

/** The lead's workload view: open cases and overdue deadlines per person and programme, as of now. */
export function WorkloadSection() {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const q = useWorkload(true);
  const fmt = new Intl.NumberFormat(german ? 'de-DE' : 'en-GB');
  const modules = q.data
    ? [...q.data.modules.map((m) => m.module), ...(q.data.people[0]?.perModule.some((x) => x.module === 'other') ? ['other'] : [])]
    : [];
  const name = (m: string) =>
    m === 'other' ? t('steeringReports.other') : t(`steering.modules.${m}` as 'steering.modules.prevention', { defaultValue: m });
  const cell = (open: number, overdue: number) => t('steeringReports.cell', { open: fmt.format(open), overdue: fmt.format(overdue) });
  return (
    <section className="steering-group" aria-labelledby="steering-workload">
      <h2 id="steering-workload" className="kern-heading-medium">
        {t('steeringReports.workloadHeading')}
      </h2>
      <p className="kern-body">
        {t('steeringReports.workloadIntro')} {q.data && t('steering.asOfLive', { at: formatDateTime(q.data.computedAt) })}
      </p>
      {q.isError && <ErrorAlert message={errorMessage(q.error, t)} />}
      {q.isPending && <Loading />}
      {q.data && q.data.people.length === 0 && <p className="kern-body">{t('steeringReports.noPeople')}</p>}
      {q.data && q.data.people.length > 0 && (
        <div className="steering-scroll">
          <table className="kern-table kern-table--small">
            <caption className="kern-body kern-body--small">{t('steeringReports.workloadTable')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('steeringReports.person')}
                </th>
                {modules.map((m) => (
                  <th key={m} scope="col" className="kern-table__header">
                    {name(m)}
                  </th>
                ))}
                <th scope="col" className="kern-table__header">
                  {t('steeringReports.sum')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {q.data.people.map((p) => (
                <tr key={p.userId ?? 'none'} className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    {p.userId ? (p.name ?? '–') : t('steeringReports.unassigned')}
                  </th>
                  {modules.map((m) => {
                    const x = p.perModule.find((y) => y.module === m);
                    return (
                      <td key={m} className="kern-table__cell">
                        {cell(x?.openCases ?? 0, x?.overdue ?? 0)}
                      </td>
                    );
                  })}
                  <td className="kern-table__cell kern-body--bold">{cell(p.openCases, p.overdue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {q.data && (
        <details className="steering-definition">
          <summary className="kern-body">{t('steeringReports.definitions')}</summary>
          <ul className="kern-list kern-body--small">
            {q.data.modules.map((m) => (
              <li key={m.module}>
                {name(m.module)}: {german ? m.openCases.de : m.openCases.en}
              </li>
            ))}
            <li>
              {t('steeringReports.overdue')}: {german ? q.data.overdueDefinition.de : q.data.overdueDefinition.en}
            </li>
          </ul>
        </details>
      )}
    </section>
  );
}
