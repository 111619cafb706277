import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { importKeys, reportUrl, useImportProgress, type ImportJob } from './api';
import { ImportProgressBar } from './ImportProgressBar';

/** Step 4: the cases are being created; the bar follows the job's progress until it is done. */
export function ImportingStep({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const progress = useImportProgress(job.id, true);
  const p = progress.data ?? { state: job.state, progress: job.progress };
  useEffect(() => {
    if (p.state !== 'importing') void queryClient.invalidateQueries({ queryKey: importKeys.job(job.id), exact: true });
  }, [p.state, job.id, queryClient]);
  return (
    <section aria-labelledby="import-running-title">
      <h2 id="import-running-title" className="kern-heading-medium">
        {t('preventionImport.importTitle')}
      </h2>
      <ImportProgressBar
        label={t('preventionImport.importProgress')}
        value={p.progress.done}
        max={p.progress.total}
        valueText={t('preventionImport.progressValue', p.progress)}
      />
      <p className="kern-body">{t('preventionImport.importIntro')}</p>
    </section>
  );
}

/** Step 5: what was created and skipped, the CSV report, and where to go next. */
export function ReportStep({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const r = job.report;
  const keys = ['createdCases', 'newHouseholds', 'linkedHouseholds', 'skippedInvalid', 'skippedDuplicates'] as const;
  return (
    <section aria-labelledby="import-report-title">
      <h2 id="import-report-title" className="kern-heading-medium">
        {t('preventionImport.reportTitle')}
      </h2>
      {job.state === 'failed' ? (
        <Alert variant="danger" title={t('preventionImport.failedTitle')}>
          <p className="kern-body">{job.error}</p>
        </Alert>
      ) : (
        <Alert variant="success">
          <p className="kern-body">{t('preventionImport.reportDone')}</p>
        </Alert>
      )}
      {r && (
        <dl className="import-counts" aria-label={t('preventionImport.reportCaption')}>
          {keys.map((k) => (
            <div key={k}>
              <dt>{t(`preventionImport.report.${k}`)}</dt>
              <dd>{r[k].toLocaleString('de-DE')}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="import-actions">
        {(r || job.state === 'failed') && (
          <a className="kern-btn kern-btn--primary" href={reportUrl(job.id)} download>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">{t('preventionImport.downloadReport')}</span>
          </a>
        )}
        <ButtonLink variant="secondary" to="/prevention">
          {t('preventionImport.toCases')}
        </ButtonLink>
        <ButtonLink variant="secondary" to="/prevention/import">
          {t('preventionImport.newImport')}
        </ButtonLink>
      </div>
    </section>
  );
}
