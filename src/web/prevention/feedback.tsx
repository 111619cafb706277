import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { errorMessage } from '../i18n/errors';

/** A 409 or 412: the case moved on (or someone else acted) – the page should be reloaded. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 409 || err.status === 412);
}

/** The server's own German explanation of a refused step, shown with the general message (conflicts only). */
export function problemDetail(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const detail = err.problem.detail?.trim();
  return detail && detail !== err.problem.title ? detail : null;
}

/** Details and the reload button of a failed step; inside error alerts and summaries. */
export function StepErrorExtras({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const detail = problemDetail(error);
  return (
    <>
      {detail && <p className="kern-body">{detail}</p>}
      {isStale(error) && onReload && (
        <Button variant="secondary" icon="autorenew" onClick={onReload}>
          {t('prevention.errors.reload')}
        </Button>
      )}
    </>
  );
}

/** A failed step outside a form (buttons like "Anschreiben erzeugen"). */
export function StepError({ error, onReload, children }: { error: unknown; onReload?: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <ErrorAlert message={errorMessage(error, t)}>
      <StepErrorExtras error={error} onReload={onReload} />
      {children}
    </ErrorAlert>
  );
}
