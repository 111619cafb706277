import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import { ErrorAlert } from './Alert';
import { Button } from './Button';
import { errorMessage } from '../i18n/errors';

/** A 409 or 412: the record moved on (or someone else acted) – the page should be reloaded. */
export function isStale(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 409 || err.status === 412);
}

/**
 * The server's own German explanation of a refused step (e.g. "Ohne gültige Einwilligung …"), shown
 * in addition to the general message; only for conflicts, where it is written for users.
 */
export function problemDetail(err: unknown): string | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const detail = err.problem.detail?.trim();
  return detail && detail !== err.problem.title ? detail : null;
}

/** The details and the reload button for a failed step; used inside error alerts and summaries. */
export function StepErrorExtras({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  const detail = problemDetail(error);
  return (
    <>
      {detail && <p className="kern-body">{detail}</p>}
      {isStale(error) && onReload && (
        <Button variant="secondary" icon="autorenew" onClick={onReload}>
          {t('common.reload')}
        </Button>
      )}
    </>
  );
}

/** A failed step outside a form (buttons like "Prüfen" or "Vorstellen"). */
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
