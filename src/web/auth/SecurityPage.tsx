import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZTotpEnrolConfirm, type ZTotpEnrolStart } from '../../contracts/auth';
import { api, ok } from '../api';
import { Alert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { useStepForm } from '../components/StepForm';
import { useFormErrors } from '../lib/formErrors';
import { fieldId } from '../lib/validation';
import { MailDigestSetting } from '../notify/MailDigestSetting';
import { fetchMe, ME_KEY, storeMe, useMe } from './session';

type Enrolment = z.infer<typeof ZTotpEnrolStart>;
const FORM = 'totp';

/** The server renders the QR code as SVG text; show it as an image (no HTML injection). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

export function SecurityPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [done, setDone] = useState(false);
  const startErrors = useFormErrors();

  const confirm = useStepForm({
    schema: ZTotpEnrolConfirm,
    defaultValues: { code: '' },
    toBody: (v: { code: string }) => ({ body: { code: v.code.trim() } }),
    run: (body) => ok(api.POST('/auth/totp/confirm', { body })),
    refresh: async (updated) => {
      setDone(true);
      setEnrolment(null);
      // The session was upgraded (totpEnabled, maybe a new CSRF token): take the new me.
      if (updated && typeof updated === 'object' && 'csrfToken' in updated) storeMe(queryClient, updated);
      else await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
    },
    // Nothing to reload: a failed confirmation is tried again with a new code.
    reload: () => Promise.resolve(),
  });
  const errors = confirm.errors;

  const start = useMutation({
    mutationFn: () => ok(api.POST('/auth/totp/enrol')),
    onSuccess: (res) => {
      startErrors.clear();
      setEnrolment(res);
      confirm.set('code', '');
    },
    onError: (err) => startErrors.showError(err),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.submit();
  };

  return (
    <>
      <PageHeading title={t('security.title')}>{t('security.title')}</PageHeading>
      {done ? (
        <Alert variant="success">
          <p className="kern-body">{t('security.done')}</p>
          <ButtonLink to="/" variant="secondary">
            {t('security.continue')}
          </ButtonLink>
        </Alert>
      ) : me.totpEnabled ? (
        <Alert variant="info">
          <p className="kern-body">{t('security.alreadyEnabled')}</p>
        </Alert>
      ) : (
        <div className="stack">
          {me.totpRequired && (
            <Alert variant="warning">
              <p className="kern-body">{t('security.required')}</p>
            </Alert>
          )}
          <p className="kern-body">{t('security.intro')}</p>
          <ErrorSummary errors={startErrors} formId="totp-start" />
          <div>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => start.mutate()} disabled={start.isPending}>
              <span className="kern-label">{enrolment ? t('security.restart') : t('security.start')}</span>
            </button>
          </div>
          {enrolment && (
            <section className="stack" aria-labelledby="totp-steps">
              <h2 id="totp-steps" className="kern-heading-medium">
                {t('security.step1')}
              </h2>
              <img className="totp-qr" src={svgDataUrl(enrolment.qrSvg)} alt={t('security.qrAlt')} width={200} height={200} />
              <p className="kern-body">
                {t('security.secret')} <code className="totp-secret">{enrolment.secret}</code>
              </p>
              <ErrorSummary errors={errors} formId={FORM} labelFor={() => t('security.code')} />
              <form className="stack" onSubmit={submit} noValidate>
                <TextField
                  id={fieldId(FORM, 'code')}
                  label={t('security.code')}
                  hint={t('security.step2')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  value={confirm.values.code}
                  onChange={(e) => confirm.set('code', e.target.value.replace(/\D/g, ''))}
                  error={errors.error('code')}
                  required
                />
                <div>
                  <button type="submit" className="kern-btn kern-btn--primary" disabled={confirm.mutation.isPending}>
                    <span className="kern-label">{t('security.confirm')}</span>
                  </button>
                </div>
              </form>
            </section>
          )}
        </div>
      )}
      {!(me.totpRequired && !me.totpEnabled) && <MailDigestSetting />}
    </>
  );
}
