import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { SelectField } from '../components/Field';
import { Loading } from '../components/Loading';
import { errorMessage } from '../i18n/errors';
import { BreakdownChart } from './BreakdownChart';
import { useBreakdowns } from './reportQueries';
import { WomenShareChart } from './WomenShareChart';

/**
 * "Wer wurde erreicht?": for one programme at a time the households reached in the period by
 * gender, age band, household type, children and nationality group (each a chart with its table and
 * its definition), and the share of women per month.
 */
export function BreakdownsSection({ from, to }: { from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const german = i18n.resolvedLanguage !== 'en';
  const q = useBreakdowns(from, to);
  const [chosen, setChosen] = useState<string | null>(null);
  const programmes = q.data?.programmes ?? [];
  const p = programmes.find((x) => x.module === chosen) ?? programmes[0];
  const name = (m: string) => t(`steering.modules.${m}` as 'steering.modules.prevention', { defaultValue: m });
  const text = (x: { de: string; en: string }) => (german ? x.de : x.en);
  return (
    <section className="steering-group" aria-labelledby="steering-reached">
      <h2 id="steering-reached" className="kern-heading-medium">
        {t('steeringReports.reachedHeading')}
      </h2>
      <p className="kern-body">{t('steeringReports.reachedIntro')}</p>
      {q.isError && <ErrorAlert message={errorMessage(q.error, t)} />}
      {q.isPending && <Loading />}
      {p && (
        <>
          <SelectField
            id="steering-programme"
            label={t('steeringReports.programme')}
            value={p.module}
            onChange={(e) => setChosen(e.target.value)}
            options={programmes.map((x) => ({ value: x.module, label: name(x.module) }))}
          />
          <h3 className="kern-heading-small">
            {name(p.module)}: {t('steeringReports.total', { count: p.total })}
          </h3>
          <details className="steering-definition">
            <summary className="kern-body">{t('steeringReports.reachedDefinition')}</summary>
            <p className="kern-body kern-body--small">{text(p.reached)}</p>
          </details>
          <div className="steering-grid">
            {p.dimensions.map((d) => (
              <article key={d.dimension} className="steering-figure" aria-labelledby={`reached-${d.dimension}`}>
                <h4 id={`reached-${d.dimension}`} className="kern-heading-small">
                  {text(d.title)}
                </h4>
                <BreakdownChart title={`${text(d.title)} (${name(p.module)})`} rows={d.rows} german={german} />
                <details className="steering-definition">
                  <summary className="kern-body">{t('steering.definition')}</summary>
                  <p className="kern-body kern-body--small">{text(d.definition)}</p>
                </details>
              </article>
            ))}
            <article className="steering-figure" aria-labelledby="reached-women">
              <h4 id="reached-women" className="kern-heading-small">
                {t('steeringReports.womenHeading')}
              </h4>
              <WomenShareChart programme={name(p.module)} months={p.womenByMonth} quarters={p.womenByQuarter} />
              <details className="steering-definition">
                <summary className="kern-body">{t('steering.definition')}</summary>
                <p className="kern-body kern-body--small">{q.data && text(q.data.womenShareDefinition)}</p>
              </details>
            </article>
          </div>
        </>
      )}
    </section>
  );
}
