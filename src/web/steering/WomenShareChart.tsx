import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TProgrammeBreakdownView } from './reportQueries';

interface Props {
  programme: string;
  months: TProgrammeBreakdownView['womenByMonth'];
  quarters: TProgrammeBreakdownView['womenByQuarter'];
}

/**
 * The share of women among the households reached, per month, as a line and — what screen readers
 * read — as a table with the counts behind each share, per month and per quarter.
 */
export function WomenShareChart({ programme, months, quarters }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 });
  const share = (v: number | null) =>
    v === null ? t('steeringReports.noShare') : t('steeringReports.shareValue', { value: fmt.format(v) });
  const rows = [...months.map((m) => ({ ...m, kind: 'month' as const })), ...quarters.map((q) => ({ ...q, kind: 'quarter' as const }))];
  return (
    <div className="steering-breakdown">
      <div className="steering-chart" aria-hidden="true" title={t('steeringReports.womenChart', { programme })}>
        <ResponsiveContainer width="100%" height={220}>
          <LineChart accessibilityLayer={false} data={months} margin={{ left: 8, right: 24, top: 8, bottom: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="period" tick={{ fontSize: 12 }} />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${fmt.format(v)} %`} width={56} />
            <Line dataKey="share" stroke="#8a0b4f" strokeWidth={2} connectNulls={false} isAnimationActive={false} dot />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="kern-table kern-table--small steering-table">
        <caption className="kern-body kern-body--small">{t('steeringReports.womenTable', { programme })}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('steeringReports.month')} / {t('steeringReports.quarter')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('steeringReports.women')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('steeringReports.households')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('steeringReports.share')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr key={r.period} className={`kern-table__row${r.kind === 'quarter' ? ' steering-table__sum' : ''}`}>
              <th scope="row" className="kern-table__header">
                {r.period}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{fmt.format(r.women)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{fmt.format(r.total)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{share(r.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
