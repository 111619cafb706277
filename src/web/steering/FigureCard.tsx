import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../components/Button';
import { formatDate } from '../i18n/format';
import { BreakdownChart } from './BreakdownChart';
import type { TPublished } from './cityQueries';
import type { TFigure } from './types';

/** A figure's value in its unit, in the language shown. */
export function useFormatValue() {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.NumberFormat(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: 1 });
  return (unit: TFigure['unit'], value: number | null) =>
    value === null ? '–' : t(`steering.units.${unit}`, { value: fmt.format(value) });
}

type Trend = 'up' | 'down' | 'same' | 'none';

function trendOf(f: TFigure): Trend {
  if (f.value === null || f.previous === null) return 'none';
  return f.value > f.previous ? 'up' : f.value < f.previous ? 'down' : 'same';
}

const ARROWS: Record<Trend, string> = { up: '↑', down: '↓', same: '→', none: '–' };

interface Props {
  figure: TFigure;
  /** The city average of the member agencies (when the agency is in a target agreement covering the figure). */
  average?: TPublished | undefined;
  /** The period shown, for the drill-down; null: the user may not see the cases. */
  drill: { from: string; to: string } | null;
  mayEdit: boolean;
  onEdit: (f: TFigure) => void;
}

/** One key figure: value, trend in words and arrow, minimum and target, status as text, definition on request, chart with table. */
export function FigureCard({ figure: f, average, drill, mayEdit, onEdit }: Props) {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const format = useFormatValue();
  const title = german ? f.title.de : f.title.en;
  const trend = trendOf(f);
  const better = trend === 'up' ? f.higherIsBetter : trend === 'down' ? !f.higherIsBetter : null;
  const headingId = `figure-${f.id.replace(/\./g, '-')}`;
  return (
    <article className="steering-figure" aria-labelledby={headingId}>
      <h3 id={headingId} className="kern-heading-small">
        {title}
      </h3>
      <p className="steering-value">
        <span className="kern-heading-medium">{format(f.unit, f.value)}</span>
        {f.value === null && <span className="kern-body kern-body--small"> {t('steering.noValue')}</span>}
      </p>
      <p className="kern-body steering-trend">
        <span aria-hidden="true" className="steering-arrow">
          {ARROWS[trend]}
        </span>{' '}
        {t(`steering.trend.${trend}`)}
        {better !== null && ` (${t(better ? 'steering.trend.better' : 'steering.trend.worse')})`} –{' '}
        {t('steering.previous', { value: format(f.unit, f.previous) })}
      </p>
      {average && (
        <p className="kern-body steering-average">
          {average.suppressed
            ? t('steeringCity.averageNone', { reason: t(`steeringCity.suppressedLong.${average.suppressed}`) })
            : t('steeringCity.average', { value: format(f.unit, average.value) })}
        </p>
      )}
      <p className={`kern-body kern-body--bold steering-status steering-status--${f.status}`}>
        {t('steering.statusLabel', { status: t(`steering.status.${f.status}`) })}
      </p>
      <p className="kern-body kern-body--small">
        {f.minimum !== null && f.target !== null && f.targetsFrom
          ? t('steering.limits', { minimum: format(f.unit, f.minimum), target: format(f.unit, f.target), from: formatDate(f.targetsFrom) })
          : t('steering.noLimits')}{' '}
        {t(f.higherIsBetter ? 'steering.higherBetter' : 'steering.lowerBetter')}
      </p>
      <details className="steering-definition">
        <summary className="kern-body">{t('steering.definition')}</summary>
        <p className="kern-body kern-body--small">{german ? f.definition.de : f.definition.en}</p>
      </details>
      {f.breakdown && f.breakdown.length > 0 && <BreakdownChart title={title} rows={f.breakdown} german={german} />}
      {drill && (
        <p className="kern-body">
          <Link
            className="kern-link"
            to={`/reporting/figures/${encodeURIComponent(f.id)}/cases?${new URLSearchParams(drill).toString()}`}
            aria-label={t('steering.cases.showFor', { title })}
          >
            {t('steering.cases.show')}
          </Link>
        </p>
      )}
      {mayEdit && (
        <Button variant="secondary" type="button" onClick={() => onEdit(f)} aria-label={t('steering.setTargetsFor', { title })}>
          {t('steering.setTargets')}
        </Button>
      )}
    </article>
  );
}
