import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useImportJob, useImportProgress, useRecentImports, type ImportJob } from './api';
import { ImportProgressBar } from './ImportProgressBar';
import { MappingStep } from './MappingStep';
import { Counts, PreviewStep } from './PreviewStep';
import { ImportingStep, ReportStep } from './ReportStep';
import { UploadStep } from './UploadStep';
import './prevention-import.css';

const STEPS = ['upload', 'mapping', 'preview', 'import', 'report'] as const;
type Step = (typeof STEPS)[number];

function Steps({ current }: { current: Step }) {
  const { t } = useTranslation();
  const at = STEPS.indexOf(current);
  return (
    <ol className="import-steps" aria-label={t('preventionImport.steps')}>
      {STEPS.map((s, i) => (
        <li key={s} aria-current={i === at ? 'step' : undefined}>
          {t(`preventionImport.step.${s}`)}
          <span className="visually-hidden">
            {' '}
            {i === at ? t('preventionImport.stepCurrent') : i < at ? t('preventionImport.stepDone') : ''}
          </span>
        </li>
      ))}
    </ol>
  );
}

function RecentImports() {
  const { t } = useTranslation();
  const recent = useRecentImports();
  if (!recent.data?.length) return null;
  return (
    <Section id="import-recent" title={t('preventionImport.recent')}>
      <DataTable
        caption={t('preventionImport.recentCaption')}
        captionHidden
        rows={recent.data}
        rowKey={(r) => r.id}
        empty=""
        columns={[
          {
            key: 'file',
            header: t('preventionImport.colFile'),
            rowHeader: true,
            cell: (r) => (
              <Link className="kern-link" to={`/prevention/import/${r.id}`}>
                {r.filename}
              </Link>
            ),
          },
          { key: 'state', header: t('preventionImport.colState'), cell: (r) => t(`preventionImport.states.${r.state}`) },
          { key: 'rows', header: t('preventionImport.colRow'), numeric: true, cell: (r) => r.totalRows.toLocaleString('de-DE') },
          { key: 'created', header: t('preventionImport.colCreated'), cell: (r) => formatDateTime(r.createdAt) },
        ]}
      />
    </Section>
  );
}

/** A job that is still being read (e.g. the page was reloaded during the upload). */
function Parsing({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const p = useImportProgress(job.id, true).data?.progress ?? job.progress;
  return (
    <ImportProgressBar
      label={t('preventionImport.parseProgress')}
      value={p.total ? p.done : null}
      max={p.total}
      valueText={t('preventionImport.progressValue', p)}
    />
  );
}

function JobView({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const [remap, setRemap] = useState(false);
  const step: Step =
    job.state === 'parsing'
      ? 'upload'
      : job.state === 'uploaded' || remap
        ? 'mapping'
        : job.state === 'mapped'
          ? 'preview'
          : job.state === 'importing'
            ? 'import'
            : 'report';
  const rows = job.counts?.total ?? (job.state === 'uploaded' ? job.progress.total : 0);
  return (
    <>
      <Steps current={step} />
      {job.format && (
        <p className="kern-body">
          {t('preventionImport.fileInfo', { filename: job.filename, rows, columns: job.columns.length, format: job.format.toUpperCase() })}
        </p>
      )}
      {step === 'upload' && <Parsing job={job} />}
      {step === 'mapping' && (
        <MappingStep key={job.version} job={job} onCancel={remap ? () => setRemap(false) : undefined} onSaved={() => setRemap(false)} />
      )}
      {step === 'preview' && <PreviewStep key={job.version} job={job} onChangeMapping={() => setRemap(true)} />}
      {step === 'import' && (
        <>
          <Counts job={job} />
          <ImportingStep job={job} />
        </>
      )}
      {step === 'report' && <ReportStep job={job} />}
    </>
  );
}

/** /prevention/import (choose a file) and /prevention/import/:id (one import, at its step). */
export function ImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const job = useImportJob(id);
  return (
    <>
      <PageHeading title={t('preventionImport.title')}>{t('preventionImport.title')}</PageHeading>
      <p className="kern-body">{t('preventionImport.intro')}</p>
      {!id && (
        <>
          <Steps current="upload" />
          <UploadStep />
          <RecentImports />
        </>
      )}
      {id && job.isPending && <Loading />}
      {id && job.error && <ErrorAlert message={errorMessage(job.error, t)} />}
      {id && job.data && <JobView job={job.data} />}
    </>
  );
}
