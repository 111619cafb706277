import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../auth/session';
import { can } from '../auth/can';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { BreakdownsSection } from './BreakdownsSection';
import { SteeringExports } from './ExportLinks';
import { FigureCard } from './FigureCard';
import { choiceFrom, periodOf } from './period';
import { useFigures, useRecompute } from './queries';
import { useCityAverage } from './cityQueries';
import { TargetDialog } from './TargetDialog';
import { WorkloadSection } from './WorkloadSection';
import type { TFigure } from './types';
import './steering.css';

/** "Berichte": the office's key figures for a quarter or a year, grouped by programme, with minimum and target values. */
export function SteeringPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const choice = choiceFrom(params);
  const { from, to } = periodOf(choice);
  const figures = useFigures(from, to);
  const recompute = useRecompute(from, to);
  const city = useCityAverage(from, to, can(me, 'steering.cityAverage'));
  const averages = new Map((city.data?.figures ?? []).map((x) => [x.id, x.average]));
  const [editing, setEditing] = useState<TFigure | null>(null);
  const [saved, setSaved] = useState(false);
  const mayEdit = can(me, 'steering.targets.write');
  const drill = can(me, 'steering.cases') && figures.data ? { from: figures.data.from, to: figures.data.to } : null;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  const choose = (year: number, quarter: number | null) => {
    setSaved(false);
    recompute.reset();
    setParams(new URLSearchParams({ year: String(year), quarter: quarter === null ? 'all' : String(quarter) }));
  };

  const groups = new Map<string, TFigure[]>();
  for (const f of figures.data?.figures ?? []) groups.set(f.module, [...(groups.get(f.module) ?? []), f]);

  return (
    <>
      <PageHeading title={t('steering.title')}>{t('steering.title')}</PageHeading>
      <p className="kern-body">{t('steering.intro')}</p>
      <fieldset className="kern-fieldset steering-period">
        <legend className="kern-label">{t('steering.period')}</legend>
        <div className="steering-period__fields">
          <SelectField
            id="steering-year"
            label={t('steering.year')}
            value={String(choice.year)}
            onChange={(e) => choose(Number(e.target.value), choice.quarter)}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField
            id="steering-quarter"
            label={t('steering.periodKind')}
            value={choice.quarter === null ? 'all' : String(choice.quarter)}
            onChange={(e) => choose(choice.year, e.target.value === 'all' ? null : Number(e.target.value))}
            options={[
              ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('steering.quarterN', { n }) })),
              { value: 'all', label: t('steering.wholeYear') },
            ]}
          />
        </div>
      </fieldset>
      {figures.data && (
        <p className="kern-body kern-body--small" role="status">
          {t('steering.periodText', {
            from: formatDate(figures.data.from),
            to: formatDate(figures.data.to),
            prevFrom: formatDate(figures.data.previousFrom),
            prevTo: formatDate(figures.data.previousTo),
          })}{' '}
          {t('steering.asOf', { at: formatDateTime(figures.data.computedAt) })}
        </p>
      )}
      {figures.data && (
        <Button variant="tertiary" icon="autorenew" onClick={() => recompute.mutate()} disabled={recompute.isPending}>
          {recompute.isPending ? t('steering.recomputing') : t('steering.recompute')}
        </Button>
      )}
      {recompute.isError && <ErrorAlert message={errorMessage(recompute.error, t)} />}
      {city.data?.agreement && (
        <p className="kern-body kern-body--small">
          {t('steeringCity.averageAsOf', { name: city.data.agreement.name, at: formatDateTime(city.data.computedAt) })}
        </p>
      )}
      {can(me, 'steering.export') && <SteeringExports from={from} to={to} year={choice.year} />}
      {saved && <Alert variant="success">{t('steering.dialog.saved')}</Alert>}
      {figures.isError && <ErrorAlert message={errorMessage(figures.error, t)} />}
      {figures.isPending && <Loading />}
      {[...groups].map(([module, list]) => (
        <section key={module} className="steering-group" aria-labelledby={`steering-${module}`}>
          <h2 id={`steering-${module}`} className="kern-heading-medium">
            {t(`steering.modules.${module}` as 'steering.modules.prevention', { defaultValue: module })}
          </h2>
          <div className="steering-grid">
            {list.map((f) => (
              <FigureCard key={f.id} figure={f} average={averages.get(f.id)} drill={drill} mayEdit={mayEdit} onEdit={setEditing} />
            ))}
          </div>
        </section>
      ))}
      <BreakdownsSection from={from} to={to} />
      {can(me, 'steering.workload') && <WorkloadSection />}
      {editing && <TargetDialog figure={editing} from={from} onClose={() => setEditing(null)} onSaved={() => setSaved(true)} />}
    </>
  );
}
