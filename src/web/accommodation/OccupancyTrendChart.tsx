import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TOccupancyTrend } from '../../contracts/accommodationOccupancy';

/**
 * The occupancy per month as a line chart and, behind it, the same numbers as a table: the chart is
 * hidden from assistive technology (aria-hidden), the table is what screen readers read.
 */
export function OccupancyTrendChart({ trend }: { trend: TOccupancyTrend }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 });
  const data = trend.months.map((m) => ({ month: m.month, rate: m.rate ?? 0 }));
  return (
    <div className="steering-breakdown">
      <div className="steering-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <LineChart accessibilityLayer={false} data={data} margin={{ left: 8, right: 24, top: 8, bottom: 4 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 13 }} />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => `${fmt.format(v)} %`} />
            <Line dataKey="rate" stroke="#0b4f8a" strokeWidth={2} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="kern-table kern-table--small steering-table">
        <caption className="kern-body kern-body--small">{t('occupancy.trendTable')}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('occupancy.col.month')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('occupancy.col.averageOccupied')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('occupancy.col.places')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('occupancy.col.rate')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {trend.months.map((m) => (
            <tr key={m.month} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {m.month}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{fmt.format(m.averageOccupied)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{fmt.format(m.places)}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{m.rate === null ? '–' : `${fmt.format(m.rate)} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
