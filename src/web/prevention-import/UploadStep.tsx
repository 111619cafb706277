import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../api';
import { useMe } from '../auth/session';
import { Button } from '../components/Button';
import { errorMessage } from '../i18n/errors';
import { importKeys, MAX_BYTES, uploadList, useImportProgress } from './api';
import { ImportProgressBar } from './ImportProgressBar';

/** Step 1: choose a file; upload progress (bytes), then reading progress (rows) until the job is there. */
export function UploadStep() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [upload, setUpload] = useState<{ id: string; loaded: number; total: number } | null>(null);
  const sent = !!upload && upload.loaded >= upload.total;
  const progress = useImportProgress(upload?.id, sent);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    const problem = !file ? t('preventionImport.noFile') : file.size > MAX_BYTES ? t('preventionImport.tooBig') : null;
    setFieldError(problem);
    setServerError(null);
    if (!file || problem) {
      input.current?.focus();
      return;
    }
    const id = newIdempotencyKey();
    setUpload({ id, loaded: 0, total: file.size });
    try {
      const job = await uploadList(file, id, me.csrfToken, (loaded, total) => setUpload({ id, loaded, total }));
      queryClient.setQueryData(importKeys.job(job.id), job);
      await queryClient.invalidateQueries({ queryKey: importKeys.recent });
      void navigate(`/prevention/import/${job.id}`);
    } catch (err) {
      setUpload(null);
      setServerError(errorMessage(err, t));
    }
  };

  const parsed = progress.data?.progress;
  const error = fieldError ?? serverError;
  return (
    <form onSubmit={submit} noValidate aria-busy={!!upload || undefined}>
      <div className="kern-form-input">
        <label className="kern-label" htmlFor="import-file">
          {t('preventionImport.file')}
        </label>
        <div className="kern-hint" id="import-file-hint">
          {t('preventionImport.fileHint')}
        </div>
        {error && (
          <p className="kern-error" id="import-file-error">
            <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
            <span className="kern-body">{error}</span>
          </p>
        )}
        <input
          ref={input}
          id="import-file"
          name="file"
          type="file"
          className="kern-form-input__input"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'import-file-hint import-file-error' : 'import-file-hint'}
          disabled={!!upload}
        />
      </div>
      {upload && !sent && (
        <ImportProgressBar
          label={t('preventionImport.uploadProgress')}
          value={upload.loaded}
          max={upload.total}
          valueText={t('preventionImport.progressBytes', { percent: Math.floor((upload.loaded / Math.max(1, upload.total)) * 100) })}
        />
      )}
      {upload && sent && (
        <ImportProgressBar
          label={t('preventionImport.parseProgress')}
          value={parsed && parsed.total > 0 ? parsed.done : null}
          max={parsed?.total ?? 0}
          valueText={parsed && parsed.total > 0 ? t('preventionImport.progressValue', parsed) : t('preventionImport.parsing')}
        />
      )}
      <Button type="submit" icon="drive-folder-upload" disabled={!!upload}>
        {upload ? (sent ? t('preventionImport.parsing') : t('preventionImport.uploading')) : t('preventionImport.upload')}
      </Button>
    </form>
  );
}
