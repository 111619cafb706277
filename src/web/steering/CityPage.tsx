import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Alert, ErrorAlert } from '../components/Alert';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { useCityComparison, type TCityFigure, type TCityView, type TPublished } from './cityQueries';
import { useFormatValue } from './FigureCard';
import { choiceFrom, periodOf } from './period';
import './steering.css';

/** A published value as shown: the value in its unit, or why it is not shown ("< 5", protected, not shown). */
export function usePublished() {
  const { t } = useTranslation();
  const format = useFormatValue();
  return (unit: TCityFigure['unit'], p: TPublished) =>
    p.suppressed ? t(`steeringCity.suppressed.${p.suppressed}`) : format(unit, p.value);
}

function CityFigure({ view, figure: f }: { view: TCityView; figure: TCityFigure }) {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const shown = usePublished();
  const title = german ? f.title.de : f.title.en;
  const headingId = `city-${f.id.replace(/\./g, '-')}`;
  const rows = [
    ...view.agencies.map((a, i) => ({ key: a.id, name: a.name, p: f.cells[i]! })),
    { key: 'total', name: t('steeringCity.total'), p: f.total },
  ];
  // The chart draws the agencies' shown values (a protected one as an empty bar); the table says it in words.
  const data = rows.slice(0, -1).map((r) => ({ name: r.name, value: r.p.value ?? 0 }));
  return (
    <section className="steering-figure" aria-labelledby={headingId}>
      <h2 id={headingId} className="kern-heading-small">
        {title}
      </h2>
      <details className="steering-definition">
        <summary className="kern-body">{t('steering.definition')}</summary>
        <p className="kern-body kern-body--small">{german ? f.definition.de : f.definition.en}</p>
      </details>
      <div className="steering-chart" aria-hidden="true" title={t('steeringCity.chart', { title })}>
        <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 30)}>
          <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ left: 8, right: 24, top: 4, bottom: 4 }}>
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis type="number" />
            <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 13 }} />
            <Bar dataKey="value" fill="#0b4f8a" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="kern-table kern-table--small steering-table">
        <caption className="kern-body kern-body--small">{t('steeringCity.table', { title })}</caption>
        <thead className="kern-table__head">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('steeringCity.agency')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('steering.value')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr key={r.key} className={`kern-table__row${r.key === 'total' ? ' steering-total' : ''}`}>
              <th scope="row" className="kern-table__header">
                {r.name}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">
                {shown(f.unit, r.p)}
                {r.p.suppressed && <span className="kern-sr-only"> ({t(`steeringCity.suppressedLong.${r.p.suppressed}`)})</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The steering body's page: the member agencies of a target agreement side by side and the city total, per quarter or year. */
export function CityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const choice = choiceFrom(params);
  const { from, to } = periodOf(choice);
  const agreementId = params.get('agreement');
  const city = useCityComparison(from, to, agreementId);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const choose = (next: { year?: number; quarter?: number | null; agreement?: string | null }) => {
    const year = next.year ?? choice.year;
    const quarter = next.quarter === undefined ? choice.quarter : next.quarter;
    const agreement = next.agreement === undefined ? agreementId : next.agreement;
    setParams(
      new URLSearchParams({ year: String(year), quarter: quarter === null ? 'all' : String(quarter), ...(agreement ? { agreement } : {}) }),
    );
  };
  const view = city.data;
  return (
    <>
      <PageHeading title={t('steeringCity.title')}>{t('steeringCity.title')}</PageHeading>
      <p className="kern-body">{t('steeringCity.intro')}</p>
      <fieldset className="kern-fieldset steering-period">
        <legend className="kern-label">{t('steering.period')}</legend>
        <div className="steering-period__fields">
          {view && view.agreements.length > 1 && (
            <SelectField
              id="city-agreement"
              label={t('steeringCity.agreement')}
              value={view.agreement?.id ?? ''}
              onChange={(e) => choose({ agreement: e.target.value })}
              options={view.agreements.map((a) => ({ value: a.id, label: a.name }))}
            />
          )}
          <SelectField
            id="city-year"
            label={t('steering.year')}
            value={String(choice.year)}
            onChange={(e) => choose({ year: Number(e.target.value) })}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField
            id="city-quarter"
            label={t('steering.periodKind')}
            value={choice.quarter === null ? 'all' : String(choice.quarter)}
            onChange={(e) => choose({ quarter: e.target.value === 'all' ? null : Number(e.target.value) })}
            options={[
              ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('steering.quarterN', { n }) })),
              { value: 'all', label: t('steering.wholeYear') },
            ]}
          />
        </div>
      </fieldset>
      {city.isError && <ErrorAlert message={errorMessage(city.error, t)} />}
      {city.isPending && <Loading />}
      {view && !view.body && <Alert variant="info">{t('steeringCity.noBody')}</Alert>}
      {view?.body && (
        <p className="kern-body kern-body--small" role="status">
          {view.agreement &&
            `${t('steeringCity.agreementText', {
              name: view.agreement.name,
              from: formatDate(view.agreement.validFrom),
              to: view.agreement.validTo ? t('steeringCity.agreementUntil', { to: formatDate(view.agreement.validTo) }) : '',
              members: view.agreement.members,
            })}. `}
          {t('steeringCity.periodText', { from: formatDate(view.from), to: formatDate(view.to) })}{' '}
          {t('steering.asOf', { at: formatDateTime(view.computedAt) })}
        </p>
      )}
      {view?.body && view.figures.length === 0 && <Alert variant="info">{t('steeringCity.noAgreement')}</Alert>}
      {view?.body && (
        <details className="steering-definition">
          <summary className="kern-body">{t('steeringCity.rule')}</summary>
          <p className="kern-body kern-body--small">{t('steeringCity.ruleText')}</p>
        </details>
      )}
      {view && view.figures.length > 0 && (
        <div className="steering-grid">
          {view.figures.map((f) => (
            <CityFigure key={f.id} view={view} figure={f} />
          ))}
        </div>
      )}
    </>
  );
}
