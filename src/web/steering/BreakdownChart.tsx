import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { TFigure } from './types';

interface Props {
  title: string;
  rows: NonNullable<TFigure['breakdown']>;
  german: boolean;
}

/**
 * A count by category as a bar chart and, behind it, the same numbers as a table: the chart is
 * hidden from assistive technology (aria-hidden), the table is what screen readers read.
 */
export function BreakdownChart({ title, rows, german }: Props) {
  const { t, i18n } = useTranslation();
  const data = rows.map((r) => ({ name: german ? r.label.de : r.label.en, count: r.count }));
  const fmt = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'de-DE');
  return (
    <div className="steering-breakdown">
      <div className="steering-chart" aria-hidden="true" title={t('steering.chart', { title })}>
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 30)}>
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => fmt.format(v)} />
            <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 13 }} />
            <Bar dataKey="count" fill="#0b4f8a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="kern-table kern-table--small steering-table">
        <caption className="kern-body kern-body--small">{t('steering.table', { title })}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('steering.category')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('steering.count')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {data.map((d) => (
            <tr key={d.name} className="kern-table__row">
              <th scope="row" className="kern-table__header">
                {d.name}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{fmt.format(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
