import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useParams } from 'react-router';
import { ZCarrierReportNarrative, ZCarrierReportReturn, ZCarrierReportSubmit } from '../../contracts/aftercareReports';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate, formatDateTime } from '../i18n/format';
import { AftercareDialog, type AftercareStep } from './AftercareDialog';
import { AnnualReportStateBadge } from './labels';
import { annualReportExportUrl, useAnnualReport, type CarrierReport } from './queries';
import '../sustainment/sustainment.css';
import './aftercare.css';

const ar = (t: TFunction, k: string, o?: Record<string, unknown>): string => String(t(`aftercare.annualReport.${k}` as never, o as never));
type Dialog = { kind: 'edit' | 'submit' | 'return'; title: string; step: AftercareStep; intro?: string; submitLabel: string; done: string };

function dialogs(t: TFunction, r: CarrierReport): Record<Dialog['kind'], Dialog> {
  const path = { params: { path: { id: r.id } } };
  return {
    edit: {
      kind: 'edit',
      title: ar(t, 'editTitle'),
      intro: ar(t, 'editHint'),
      submitLabel: ar(t, 'save'),
      done: ar(t, 'saved'),
      step: {
        schema: ZCarrierReportNarrative,
        fields: (['focus', 'goals', 'developments'] as const).map((name) => ({
          name,
          type: 'textarea' as const,
          label: ar(t, name),
          optional: true,
          initial: r[name] ?? '',
        })),
        run: (body: never) => ok(api.PUT('/aftercare/annual-reports/{id}', { ...path, body })),
      },
    },
    submit: {
      kind: 'submit',
      title: ar(t, 'submitTitle'),
      intro: ar(t, 'submitIntro'),
      submitLabel: ar(t, 'submit'),
      done: ar(t, 'submitted'),
      step: {
        schema: ZCarrierReportSubmit,
        fields: [],
        run: (body: never) => ok(api.POST('/aftercare/annual-reports/{id}/submit', { ...path, body })),
      },
    },
    return: {
      kind: 'return',
      title: ar(t, 'returnTitle'),
      submitLabel: ar(t, 'return'),
      done: ar(t, 'returned'),
      step: {
        schema: ZCarrierReportReturn,
        fields: [{ name: 'reason', type: 'textarea', label: ar(t, 'returnReason') }],
        run: (body: never) => ok(api.POST('/aftercare/annual-reports/{id}/return', { ...path, body })),
      },
    },
  };
}

/** /aftercare/reports/annual/:id – one carrier's annual report: narrative, preview, submission, versions and downloads. */
export function AnnualReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useAnnualReport(id);
  const [open, setOpen] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const r = query.data;

  if (query.isPending) return <Loading />;
  if (query.isError || !r) {
    return (
      <>
        <PageHeading title={t('aftercare.reports.title')}>{t('aftercare.reports.title')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/aftercare/reports" variant="secondary">
          {ar(t, 'back')}
        </ButtonLink>
      </>
    );
  }
  const title = ar(t, 'title', { year: r.year, carrier: r.carrier.name });
  const d = dialogs(t, r);
  const draft = r.state === 'draft';
  const carrierView = r.actions.includes('edit');
  const hidden = draft && !carrierView;
  return (
    <>
      <PageHeading
        title={title}
        actions={
          <div className="ac-links">
            {r.actions.includes('edit') && <Button onClick={() => setOpen(d.edit)}>{ar(t, 'edit')}</Button>}
            {r.actions.includes('submit') && (
              <Button variant="secondary" onClick={() => setOpen(d.submit)}>
                {ar(t, 'submit')}
              </Button>
            )}
            {r.actions.includes('return') && (
              <Button variant="secondary" onClick={() => setOpen(d.return)}>
                {ar(t, 'return')}
              </Button>
            )}
          </div>
        }
      >
        {title}
      </PageHeading>
      <p className="sus-summary kern-body">
        <AnnualReportStateBadge state={r.state} />
        <span>{ar(t, 'dueOn', { date: formatDate(r.dueOn) })}</span>
      </p>
      {draft && carrierView && !r.actions.includes('submit') && <p className="kern-hint">{ar(t, 'leadOnly')}</p>}
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>

      <Section id="annual-narrative" title={ar(t, 'narrative')}>
        {hidden ? (
          <p className="kern-body">{ar(t, 'hiddenDraft')}</p>
        ) : (
          <DescriptionList
            items={(['focus', 'goals', 'developments'] as const).map((k) => ({
              key: k,
              label: ar(t, k),
              value: <span className="preline">{r[k] ?? ar(t, 'empty')}</span>,
            }))}
          />
        )}
      </Section>

      {draft && carrierView && (
        <Section id="annual-preview" title={ar(t, 'preview')}>
          <p className="kern-body">{ar(t, 'previewHint')}</p>
          <p className="ac-links">
            <a className="kern-link" href={annualReportExportUrl(r.id, 'pdf')}>
              {ar(t, 'previewPdf')}
            </a>
            <a className="kern-link" href={annualReportExportUrl(r.id, 'xlsx')}>
              {ar(t, 'previewXlsx')}
            </a>
          </p>
        </Section>
      )}

      <Section id="annual-submissions" title={ar(t, 'submissions')}>
        <DataTable
          caption={ar(t, 'submissions')}
          captionHidden
          rows={r.submissions}
          rowKey={(s) => String(s.no)}
          empty={ar(t, 'submissionsEmpty')}
          columns={[
            { key: 'no', header: ar(t, 'no'), rowHeader: true, numeric: true, cell: (s) => s.no },
            {
              key: 'at',
              header: ar(t, 'submittedAt'),
              cell: (s) => `${formatDateTime(s.submittedAt)}${s.submittedBy ? ` · ${s.submittedBy}` : ''}`,
            },
            { key: 'cases', header: ar(t, 'cases'), numeric: true, cell: (s) => s.cases },
            {
              key: 'returned',
              header: ar(t, 'returnInfo'),
              cell: (s) =>
                s.returnedAt ? (
                  <span className="preline">
                    {ar(t, 'returnedOn', {
                      date: formatDate(s.returnedAt.slice(0, 10)),
                      name: s.returnedBy ?? '—',
                      reason: s.returnReason,
                    })}
                  </span>
                ) : (
                  t('common.none')
                ),
            },
            {
              key: 'dl',
              header: ar(t, 'downloads'),
              cell: (s) => (
                <span className="ac-links">
                  <a className="kern-link" href={annualReportExportUrl(r.id, 'pdf', s.no)} aria-label={ar(t, 'downloadPdf', { no: s.no })}>
                    {ar(t, 'pdf')}
                  </a>
                  <a
                    className="kern-link"
                    href={annualReportExportUrl(r.id, 'xlsx', s.no)}
                    aria-label={ar(t, 'downloadXlsx', { no: s.no })}
                  >
                    {ar(t, 'xlsx')}
                  </a>
                </span>
              ),
            },
          ]}
        />
      </Section>
      <ButtonLink to="/aftercare/reports" variant="tertiary">
        {ar(t, 'back')}
      </ButtonLink>

      {open && (
        <AftercareDialog
          key={open.kind}
          formId={`annual-${open.kind}`}
          title={open.title}
          intro={open.intro}
          step={open.step}
          extra={{ version: r.version }}
          submitLabel={open.submitLabel}
          onClose={() => setOpen(null)}
          onDone={() => {
            setNotice(open.done);
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
