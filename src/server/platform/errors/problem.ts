import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_TITLES, type FieldError } from './app-error.js';

function problem(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  if (err.extra.retryAfterSeconds) reply.header('Retry-After', String(err.extra.retryAfterSeconds));
  return reply
    .status(err.status)
    .type('application/problem+json')
    .header('Cache-Control', 'no-store')
    .send({
      type: `https://wohnhilfe.de/problems/${err.code.replace(/_/g, '-')}`,
      title: ERROR_TITLES[err.code],
      status: err.status,
      code: err.code,
      detail: err.detail ?? ERROR_TITLES[err.code],
      instance: req.url.split('?')[0],
      ...(err.extra.errors ? { errors: err.extra.errors } : {}),
      ...(err.extra.currentState ? { currentState: err.extra.currentState } : {}),
    });
}

/** SQLSTATE classes and codes of a database that is away or not accepting connections yet. */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123]|53300)/;
const UNAVAILABLE_MESSAGE = /Connection terminated|not queryable|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EPIPE/;

/** Whether an error means the database is unreachable right now (restart, failover), not that the request was wrong. */
export function databaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  if (
    typeof e?.code === 'string' &&
    (UNAVAILABLE_SQLSTATE.test(e.code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(e.code))
  )
    return true;
  return typeof e?.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message);
}

/** Every error leaves as RFC 9457 problem+json; 5xx never carries internals (stack, SQL). */
export function errorHandler(error: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return problem(reply, req, error);
  if (databaseUnavailable(error)) {
    req.log.warn({ err: error }, 'database unavailable');
    return problem(reply, req, new AppError('unavailable', undefined, { retryAfterSeconds: 5 }));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors: FieldError[] = error.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      return { field: path ? `${where === 'body' ? '' : `${where}.`}${path}` : where, code: v.keyword, message: v.message ?? 'Ungültig' };
    });
    return problem(reply, req, new AppError('validation_failed', `${errors.length} Feld(er) ungültig`, { errors }));
  }
  const fe = error as FastifyError;
  if (fe.statusCode && fe.statusCode < 500) {
    const code =
      fe.statusCode === 404
        ? 'not_found'
        : fe.statusCode === 429
          ? 'rate_limited'
          : fe.statusCode === 415 || fe.statusCode === 400 || fe.statusCode === 413
            ? 'validation_failed'
            : 'forbidden';
    return problem(reply, req, new AppError(code, code === 'validation_failed' ? 'Die Anfrage ist fehlerhaft.' : undefined));
  }
  req.log.error({ err: error }, 'unhandled error');
  return problem(reply, req, new AppError('internal'));
}
