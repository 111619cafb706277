import type { ErrorCode } from '../../../contracts/errors.js';

export type { ErrorCode };

/** One HTTP status per error code of the closed set in contracts/errors.ts. */
export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  totp_required: 401,
  totp_invalid: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  viewing_not_started: 409,
  precondition_failed: 412,
  precondition_required: 428,
  idempotency_mismatch: 422,
  limit_exceeded: 422,
  invalid_text: 422,
  unavailable: 503,
  rate_limited: 429,
  internal: 500,
  consent_required: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  headers_too_large: 431,
  request_timeout: 408,
  processing_restricted: 423,
} as const satisfies Record<ErrorCode, number>;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Die Eingaben sind ungültig.',
  unauthenticated: 'Anmeldung erforderlich.',
  totp_required: 'Bestätigungscode erforderlich.',
  totp_invalid: 'Der Bestätigungscode ist ungültig.',
  forbidden: 'Keine Berechtigung.',
  csrf_failed: 'Die Anfrage konnte nicht bestätigt werden. Bitte laden Sie die Seite neu.',
  not_found: 'Nicht gefunden.',
  conflict: 'Konflikt mit dem aktuellen Stand.',
  invalid_transition: 'Dieser Schritt ist im aktuellen Zustand nicht möglich.',
  viewing_not_started: 'Die Besichtigung hat noch nicht begonnen.',
  precondition_failed: 'Der Datensatz wurde inzwischen von jemand anderem geändert.',
  precondition_required: 'Die Version des Datensatzes fehlt (If-Match).',
  idempotency_mismatch: 'Der Idempotency-Key wurde bereits für eine andere Anfrage benutzt.',
  limit_exceeded: 'Der Betrag übersteigt den verfügbaren Rahmen.',
  invalid_text: 'Ein Text enthält ein unzulässiges Zeichen.',
  unavailable: 'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  rate_limited: 'Zu viele Versuche.',
  internal: 'Ein interner Fehler ist aufgetreten.',
  consent_required: 'Ohne wirksame Einwilligung des Haushalts ist dieser Schritt nicht möglich.',
  payload_too_large: 'Die Anfrage ist zu groß.',
  uri_too_long: 'Die Adresse (URL) ist zu lang.',
  unsupported_media_type: 'Dieses Datenformat wird hier nicht angenommen.',
  headers_too_large: 'Die Kopfzeilen der Anfrage sind zu groß.',
  request_timeout: 'Die Anfrage kam nicht rechtzeitig vollständig an.',
  processing_restricted: 'Die Verarbeitung der Daten dieses Haushalts ist eingeschränkt (Art. 18 DSGVO, § 84 SGB X).',
};

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; currentState?: string; retryAfterSeconds?: number } = {},
  ) {
    super(detail ?? ERROR_TITLES[code]);
    this.status = ERROR_STATUS[code];
  }
}

/** A denied access: rendered as 404 (reads of a record) or 403, audited after the rollback. */
export class AccessDenied extends AppError {
  constructor(
    readonly permission: string,
    readonly entity: { type: string; id: string } | null,
  ) {
    super(entity ? 'not_found' : 'forbidden');
  }
}

export const fieldError = (field: string, message: string, code = 'custom'): AppError =>
  new AppError('validation_failed', message, { errors: [{ field, code, message }] });
