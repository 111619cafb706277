/**
 * The closed set of API error codes (`code` of every problem+json answer). The server maps each to
 * one HTTP status (platform/errors/app-error.ts), the UI each to one message (web/i18n/errors.ts).
 */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'totp_required',
  'totp_invalid',
  'forbidden',
  'csrf_failed',
  'not_found',
  'conflict',
  'invalid_transition',
  'viewing_not_started',
  'precondition_failed',
  'precondition_required',
  'idempotency_mismatch',
  'limit_exceeded',
  'rate_limited',
  'invalid_text',
  'unavailable',
  'internal',
  'consent_required',
  'payload_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'headers_too_large',
  'request_timeout',
  'processing_restricted',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}
