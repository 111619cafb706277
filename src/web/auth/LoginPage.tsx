import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZLoginRequest } from '../../contracts/auth';
import { ApiError, api, ok } from '../api';
import { Alert } from '../components/Alert';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { problemMessage, toProblemCode } from '../i18n/errors';
import { useFormErrors } from '../lib/formErrors';
import { fieldId, validate } from '../lib/validation';
import { PublicLayout } from '../shell/PublicLayout';
import { storeMe } from './session';

type LoginRequest = z.input<typeof ZLoginRequest>;
const FORM = 'login';
/** Why the server refused a single sign-on (`/login?sso=…`, see platform/auth/oidc.service.ts). */
const SSO_REFUSALS = [
  'failed',
  'idp_refused',
  'unknown_agency',
  'no_role',
  'missing_email',
  'email_taken',
  'inactive',
  'mfa_missing',
] as const;
const isSsoRefusal = (v: string | null): v is (typeof SSO_REFUSALS)[number] => (SSO_REFUSALS as readonly (string | null)[]).includes(v);

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const state = (location.state ?? {}) as { from?: string; loggedOut?: boolean };
  const [params] = useSearchParams();
  const ssoRefusal = params.get('sso');
  const sso = useQuery({ queryKey: ['auth', 'sso'], queryFn: () => ok(api.GET('/auth/sso')), staleTime: Infinity });
  const [localDisabled, setLocalDisabled] = useState(false);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [wrongCredentials, setWrongCredentials] = useState(false);
  const errors = useFormErrors();
  const totpRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (needTotp) totpRef.current?.focus();
  }, [needTotp]);

  const login = useMutation({
    mutationFn: (body: LoginRequest) => ok(api.POST('/auth/login', { body })),
    onSuccess: (res) => {
      errors.clear();
      if (res.status === 'totp_required') {
        setNeedTotp(true);
        return;
      }
      queryClient.clear();
      storeMe(queryClient, res.me);
      if (res.status === 'totp_enrolment_required') {
        void navigate('/security', { replace: true });
      } else {
        const target = state.from && state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/';
        void navigate(target, { replace: true });
      }
    },
    onError: (err) => {
      if (err instanceof ApiError && (err.code === 'totp_invalid' || err.code === 'totp_required')) {
        setNeedTotp(true);
        errors.showIssues([{ field: 'totp', code: 'custom', message: problemMessage(toProblemCode(err.code), t) }], err);
      } else if (err instanceof ApiError && err.status === 403 && err.code === 'forbidden') {
        setLocalDisabled(true);
        errors.clear();
      } else if (err instanceof ApiError && err.status === 401) {
        setWrongCredentials(true);
        errors.clear();
      } else {
        errors.showError(err);
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setWrongCredentials(false);
    setLocalDisabled(false);
    const body: LoginRequest = { email, password, ...(needTotp ? { totp: totp.trim() } : {}) };
    const checked = validate(ZLoginRequest, body);
    if (!checked.ok) {
      errors.showIssues(checked.issues);
      return;
    }
    errors.clear();
    login.mutate(body);
  };

  const labels: Record<string, string> = { email: t('login.email'), password: t('login.password'), totp: t('login.totp') };

  return (
    <PublicLayout>
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <p className="kern-body">{t('login.intro')}</p>
      {state.loggedOut && !login.isPending && !wrongCredentials && !errors.summary && (
        <Alert variant="info">
          <p className="kern-body">{t('login.loggedOut')}</p>
        </Alert>
      )}
      {isSsoRefusal(ssoRefusal) && (
        <Alert variant="danger">
          <p className="kern-body">{t(`login.ssoRefused.${ssoRefusal}`)}</p>
        </Alert>
      )}
      {localDisabled && (
        <Alert variant="danger">
          <p className="kern-body">{t('login.localDisabled')}</p>
        </Alert>
      )}
      {sso.data?.enabled && (
        <div className="stack">
          <p className="kern-body">{t('login.ssoIntro')}</p>
          <div>
            <a className="kern-btn kern-btn--primary" href="/api/v1/auth/oidc/login">
              <span className="kern-label">{t('login.sso')}</span>
            </a>
          </div>
          <p className="kern-body">{t('login.orPassword')}</p>
        </div>
      )}
      {wrongCredentials && (
        <Alert variant="danger">
          <p className="kern-body">{t('login.wrongCredentials')}</p>
        </Alert>
      )}
      <ErrorSummary errors={errors} formId={FORM} labelFor={(p) => labels[p] ?? p} />
      <form className="stack" onSubmit={submit} noValidate>
        <TextField
          id={fieldId(FORM, 'email')}
          label={t('login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.error('email')}
          required
          readOnly={needTotp}
        />
        <TextField
          id={fieldId(FORM, 'password')}
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.error('password')}
          required
          readOnly={needTotp}
        />
        {needTotp && (
          <>
            <Alert variant="info">
              <p className="kern-body">{t('login.totpIntro')}</p>
            </Alert>
            <TextField
              ref={totpRef}
              id={fieldId(FORM, 'totp')}
              label={t('login.totp')}
              hint={t('login.totpHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              value={totp}
              onChange={(e) => setTotp(e.target.value.replace(/\D/g, ''))}
              error={errors.error('totp')}
              required
            />
          </>
        )}
        <div>
          <button
            type="submit"
            className={`kern-btn ${sso.data?.enabled ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
            disabled={login.isPending}
          >
            <span className="kern-label">{login.isPending ? t('login.submitting') : t('login.submit')}</span>
          </button>
        </div>
      </form>
    </PublicLayout>
  );
}
