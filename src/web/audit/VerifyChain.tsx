import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { errorMessage } from '../i18n/errors';

/** "Kette prüfen": verifies the audit trail's hash chain on the server. */
export function VerifyChain() {
  const { t, i18n } = useTranslation();
  const verify = useMutation({ mutationFn: () => ok(api.GET('/audit-events/verify')) });
  const fmt = (n: number) => n.toLocaleString(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'de-DE');

  return (
    <div className="verify-chain stack">
      <div>
        <Button variant="secondary" icon="checklist" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? t('audit.verifying') : t('audit.verify')}
        </Button>
      </div>
      {verify.isError && <ErrorAlert message={errorMessage(verify.error, t)} />}
      {verify.data &&
        (verify.data.ok ? (
          <Alert variant="success">
            <p className="kern-body">
              {t('audit.verifyOk', { checked: fmt(verify.data.checked), checkpoints: fmt(verify.data.checkpoints) })}
            </p>
            {verify.data.pending > 0 && <p className="kern-body">{t('audit.verifyPending', { pending: fmt(verify.data.pending) })}</p>}
          </Alert>
        ) : (
          <Alert variant="danger">
            {verify.data.brokenAt !== null && (
              <p className="kern-body">{t('audit.verifyBroken', { checked: fmt(verify.data.checked), brokenAt: verify.data.brokenAt })}</p>
            )}
            {verify.data.checkpointBrokenAt !== null && (
              <p className="kern-body">{t('audit.verifyCheckpointBroken', { seq: verify.data.checkpointBrokenAt })}</p>
            )}
            {verify.data.pending > 0 && <p className="kern-body">{t('audit.verifyPending', { pending: fmt(verify.data.pending) })}</p>}
          </Alert>
        ))}
    </div>
  );
}
