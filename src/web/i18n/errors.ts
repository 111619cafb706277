/**
 * Maps API problem codes and field issue codes to user-facing (German-first) messages.
 * `problemMessage` is the ONE exhaustive switch over the problem codes of contracts/errors.ts
 * (a code without a case fails the typecheck).
 */
import type { TFunction } from 'i18next';
import { isErrorCode, type ErrorCode } from '../../contracts/errors';
import { formatEuro } from '../../contracts/format';
import { PLAUSIBLE_KEYS, type PlausibleKey } from '../../contracts/plausible';
import { ApiError, NetworkError } from '../api';

export function toProblemCode(code: string | undefined): ErrorCode {
  return isErrorCode(code) ? code : 'internal';
}

export function problemMessage(code: ErrorCode, t: TFunction): string {
  switch (code) {
    case 'validation_failed':
      return t('errors.validation_failed');
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.not_found');
    case 'conflict':
      return t('errors.conflict');
    case 'precondition_failed':
      return t('errors.precondition_failed');
    case 'invalid_transition':
      return t('errors.invalid_transition');
    case 'viewing_not_started':
      return t('errors.viewing_not_started');
    case 'rate_limited':
      return t('errors.rate_limited');
    case 'totp_required':
      return t('errors.totp_required');
    case 'totp_invalid':
      return t('errors.totp_invalid');
    case 'internal':
      return t('errors.internal');
    case 'csrf_failed':
      return t('errors.csrf_failed');
    case 'precondition_required':
      return t('errors.precondition_required');
    case 'idempotency_mismatch':
      return t('errors.idempotency_mismatch');
    case 'limit_exceeded':
      return t('errors.limit_exceeded');
    case 'invalid_text':
      return t('errors.invalid_text');
    case 'unavailable':
      return t('errors.unavailable');
    case 'consent_required':
      return t('errors.consent_required');
    case 'payload_too_large':
      return t('errors.payload_too_large');
    case 'uri_too_long':
      return t('errors.uri_too_long');
    case 'unsupported_media_type':
      return t('errors.unsupported_media_type');
    case 'headers_too_large':
      return t('errors.headers_too_large');
    case 'request_timeout':
      return t('errors.request_timeout');
    case 'processing_restricted':
      return t('errors.processing_restricted');
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Message for any thrown error; for throttling the server's detail (e.g. wait time) is appended. */
export function errorMessage(err: unknown, t: TFunction): string {
  if (err instanceof NetworkError) return t('errors.network');
  if (err instanceof ApiError) {
    const code = toProblemCode(err.code);
    const msg = problemMessage(code, t);
    if (code === 'rate_limited' && err.problem.detail) return `${msg} ${err.problem.detail}`;
    return msg;
  }
  return t('errors.internal');
}

/** A field problem, from the server (`errors[]`) or from client-side Zod validation. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  /** Only known for client-side issues. */
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  /** Only known for client-side issues: `params.plausible` names a plausibility check (contracts/plausible.ts). */
  params?: Record<string, unknown>;
}

/** Zod issue code → message; falls back to the server's message for unknown codes and `custom`. */
export function fieldErrorMessage(issue: FieldIssue, t: TFunction): string {
  const min = issue.minimum === undefined ? undefined : Number(issue.minimum);
  const max = issue.maximum === undefined ? undefined : Number(issue.maximum);
  const plausible = issue.params?.plausible;
  if (issue.code === 'custom' && (PLAUSIBLE_KEYS as readonly unknown[]).includes(plausible))
    return t(`fieldErrors.plausible.${plausible as PlausibleKey}`, { ...issue.params });
  // Amounts (contracts ZMoney) state their limit in euros; the number is in cents.
  const money = issue.origin === 'number' && issue.message.includes('€');
  if (money && issue.code === 'too_big' && max !== undefined) return t('fieldErrors.moneyMax', { max: formatEuro(max) });
  if (money && issue.code === 'too_small' && min !== undefined)
    return min > 0 ? t('fieldErrors.moneyMin', { min: formatEuro(min) }) : t('fieldErrors.moneyNegative');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return min !== undefined && min > 1 ? t('fieldErrors.tooShort', { min }) : t('fieldErrors.required');
      if (issue.origin === 'array') return t('fieldErrors.tooFewItems', { min: min ?? 1 });
      if (issue.origin === 'number' && min !== undefined) return t('fieldErrors.tooSmallNumber', { min });
      return t('fieldErrors.too_small');
    case 'too_big':
      if (issue.origin === 'string' && max !== undefined) return t('fieldErrors.tooLong', { max });
      if (issue.origin === 'array' && max !== undefined) return t('fieldErrors.tooManyItems', { max });
      if (issue.origin === 'number' && max !== undefined) return t('fieldErrors.tooBigNumber', { max });
      return t('fieldErrors.too_big');
    case 'invalid_format':
      if (issue.format === 'email') return t('fieldErrors.invalidEmail');
      if (issue.format === 'regex' && /JJJJ|Datum/.test(issue.message)) return t('fieldErrors.invalidDate');
      return t('fieldErrors.invalid_format');
    case 'invalid_type':
      return t('fieldErrors.invalid_type');
    case 'invalid_value':
      return t('fieldErrors.invalid_value');
    case 'custom':
      if (/Datum/.test(issue.message)) return t('fieldErrors.invalidDate');
      return issue.message || t('fieldErrors.custom');
    default:
      return issue.message || t('fieldErrors.custom');
  }
}
