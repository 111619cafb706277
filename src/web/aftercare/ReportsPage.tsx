import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { SelectField, TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { CarrierReportsSection } from './CarrierReportsSection';
import { aftercareKeys, carriersOf, quarterXlsxUrl, useAgreements } from './queries';
import '../sustainment/sustainment.css';
import './aftercare.css';

type Count = { key: string; count: number | null };
const r = (t: TFunction, k: string) => t(`aftercare.reports.${k}` as never);

/** A suppressed cell (fewer than 5 cases) reads "< 5"; the note under the tables explains it. */
function CountCell({ count }: { count: number | null }) {
  const { t } = useTranslation();
  return count === null ? <span className="ac-suppressed">{r(t, 'suppressed')}</span> : <>{count}</>;
}

/** One figure table: characteristic (translated with `label`) and count. */
function CountTable({ id, title, rows, label }: { id: string; title: string; rows: Count[]; label: (key: string) => string }) {
  const { t } = useTranslation();
  return (
    <div className="ac-figure" id={id}>
      <h3 className="kern-heading-small">{title}</h3>
      <DataTable
        caption={title}
        captionHidden
        rows={rows}
        rowKey={(x) => x.key}
        empty={t('common.noEntries')}
        columns={[
          { key: 'key', header: r(t, 'key'), rowHeader: true, cell: (x) => label(x.key) },
          { key: 'count', header: r(t, 'count'), numeric: true, cell: (x) => <CountCell count={x.count} /> },
        ]}
      />
    </div>
  );
}

const label = (t: TFunction, prefix: string) => (key: string) => {
  const k = `aftercare.${prefix}.${key}`;
  return t(k as never, { defaultValue: key }) as string;
};

/** /aftercare/reports – running quarterly figures and the annual report data, small cells suppressed. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const office = !can(me, 'aftercare.queue');
  const carriers = carriersOf(useAgreements(office).data?.items);
  const now = new Date();
  const [quarterForm, setQuarterForm] = useState({
    year: String(now.getFullYear()),
    quarter: String(Math.floor(now.getMonth() / 3) + 1),
    carrierId: '',
  });
  const [quarterParams, setQuarterParams] = useState(quarterForm);
  const [annualForm, setAnnualForm] = useState({ year: String(now.getFullYear() - 1), carrierId: '' });
  const [annualParams, setAnnualParams] = useState(annualForm);
  const quarter = useQuery({
    queryKey: aftercareKeys.quarter(quarterParams),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/aftercare/reports/quarter', {
          params: {
            query: {
              year: Number(quarterParams.year),
              quarter: Number(quarterParams.quarter),
              carrierId: quarterParams.carrierId || undefined,
            },
          },
          signal,
        }),
      ),
  });
  const annual = useQuery({
    queryKey: aftercareKeys.annual(annualParams),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/aftercare/reports/annual', {
          params: { query: { year: Number(annualParams.year), carrierId: annualParams.carrierId || undefined } },
          signal,
        }),
      ),
  });
  const carrierSelect = (id: string, value: string, onChange: (v: string) => void) =>
    office && (
      <SelectField
        id={id}
        label={r(t, 'carrier')}
        value={value}
        options={[{ value: '', label: r(t, 'allCarriers') }, ...carriers.map((c) => ({ value: c.id, label: c.name }))]}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  const title = r(t, 'title');
  const note = <p className="kern-hint">{r(t, 'suppressedNote')}</p>;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body page-intro">{r(t, 'intro')}</p>

      <CarrierReportsSection office={office} carriers={carriers} />

      <Section id="report-quarter" title={r(t, 'quarter')}>
        <form
          className="filters__grid"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setQuarterParams(quarterForm);
          }}
        >
          <TextField
            id="report-q-year"
            label={r(t, 'year')}
            inputMode="numeric"
            className="field--narrow"
            value={quarterForm.year}
            onChange={(e) => setQuarterForm({ ...quarterForm, year: e.target.value })}
          />
          <SelectField
            id="report-q-quarter"
            label={r(t, 'quarterNo')}
            value={quarterForm.quarter}
            options={['1', '2', '3', '4'].map((q) => ({ value: q, label: `Q${q}` }))}
            onChange={(e) => setQuarterForm({ ...quarterForm, quarter: e.target.value })}
          />
          {carrierSelect('report-q-carrier', quarterForm.carrierId, (v) => setQuarterForm({ ...quarterForm, carrierId: v }))}
          <div className="filters__actions">
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{r(t, 'show')}</span>
            </button>
          </div>
        </form>
        {quarter.isPending ? (
          <Loading />
        ) : quarter.isError ? (
          <ErrorAlert message={errorMessage(quarter.error, t)} />
        ) : (
          <>
            <p className="kern-body">
              {t('aftercare.reports.period', { from: formatDate(quarter.data.from), to: formatDate(quarter.data.to) })}
            </p>
            <div className="sus-columns">
              <CountTable
                id="q-group"
                title={r(t, 'byTargetGroup')}
                rows={quarter.data.casesByTargetGroup}
                label={label(t, 'targetGroup')}
              />
              <CountTable id="q-source" title={r(t, 'bySource')} rows={quarter.data.casesBySource} label={label(t, 'source')} />
              <CountTable id="q-visits" title={r(t, 'visits')} rows={quarter.data.visits} label={label(t, 'visitStatus')} />
              <CountTable
                id="q-referrals"
                title={r(t, 'referralsByKind')}
                rows={quarter.data.referralsByKind}
                label={label(t, 'referralKind')}
              />
              <CountTable id="q-ends" title={r(t, 'endsByReason')} rows={quarter.data.endsByReason} label={label(t, 'endReason')} />
              <CountTable id="q-follow" title={r(t, 'followUps')} rows={quarter.data.followUps} label={label(t, 'followUpResult')} />
            </div>
            <p className="kern-body">
              {quarter.data.medianDurationDays === null
                ? r(t, 'noDuration')
                : t('aftercare.reports.medianDuration', { days: quarter.data.medianDurationDays })}
            </p>
            {note}
            <p>
              <a className="kern-link" href={quarterXlsxUrl(quarterParams)}>
                {r(t, 'downloadXlsx')}
              </a>
            </p>
          </>
        )}
      </Section>

      <Section id="report-annual" title={r(t, 'annual')}>
        <form
          className="filters__grid"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setAnnualParams(annualForm);
          }}
        >
          <TextField
            id="report-a-year"
            label={r(t, 'year')}
            inputMode="numeric"
            className="field--narrow"
            value={annualForm.year}
            onChange={(e) => setAnnualForm({ ...annualForm, year: e.target.value })}
          />
          {carrierSelect('report-a-carrier', annualForm.carrierId, (v) => setAnnualForm({ ...annualForm, carrierId: v }))}
          <div className="filters__actions">
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{r(t, 'show')}</span>
            </button>
          </div>
        </form>
        {annual.isPending ? (
          <Loading />
        ) : annual.isError ? (
          <ErrorAlert message={errorMessage(annual.error, t)} />
        ) : (
          <>
            <p className="kern-body">{t('aftercare.reports.dueOn', { date: formatDate(annual.data.dueOn) })}</p>
            <div className="sus-columns">
              <CountTable
                id="a-group"
                title={r(t, 'byTargetGroup')}
                rows={annual.data.aggregates.byTargetGroup}
                label={label(t, 'targetGroup')}
              />
              <CountTable id="a-gender" title={r(t, 'byGender')} rows={annual.data.aggregates.byGender} label={label(t, 'gender')} />
              <CountTable id="a-age" title={r(t, 'byAgeBand')} rows={annual.data.aggregates.byAgeBand} label={label(t, 'ageBand')} />
              <CountTable
                id="a-household"
                title={r(t, 'byHouseholdType')}
                rows={annual.data.aggregates.byHouseholdType}
                label={label(t, 'householdType')}
              />
              <CountTable id="a-end" title={r(t, 'endsByReason')} rows={annual.data.aggregates.byEndReason} label={label(t, 'endReason')} />
            </div>
            {note}
            <DataTable
              caption={r(t, 'rows')}
              rows={annual.data.rows}
              rowKey={(x) => x.pseudonym}
              empty={r(t, 'rowsEmpty')}
              columns={[
                { key: 'p', header: r(t, 'pseudonym'), rowHeader: true, cell: (x) => x.pseudonym },
                { key: 'age', header: r(t, 'ageBand'), cell: (x) => t(`aftercare.ageBand.${x.ageBand}`) },
                { key: 'type', header: r(t, 'householdType'), cell: (x) => t(`aftercare.householdType.${x.householdType}`) },
                { key: 'gender', header: r(t, 'gender'), cell: (x) => t(`aftercare.gender.${x.gender}`) },
                { key: 'group', header: t('aftercare.list.targetGroup'), cell: (x) => t(`aftercare.targetGroup.${x.targetGroup}`) },
                { key: 'dur', header: r(t, 'duration'), numeric: true, cell: (x) => x.durationDays ?? t('common.none') },
                { key: 'visits', header: r(t, 'visitsHeld'), numeric: true, cell: (x) => x.visitsHeld },
                { key: 'refs', header: r(t, 'referrals'), numeric: true, cell: (x) => x.referrals },
                {
                  key: 'end',
                  header: r(t, 'endReason'),
                  cell: (x) => t(`aftercare.endReason.${x.endReason ?? 'running'}`),
                },
                {
                  key: 'fu',
                  header: r(t, 'followUp'),
                  cell: (x) => (x.followUp ? t(`aftercare.followUpResult.${x.followUp}`) : t('common.none')),
                },
              ]}
            />
          </>
        )}
      </Section>
    </>
  );
}
