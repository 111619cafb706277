import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_TITLES, type ErrorCode, type FieldError } from './app-error.js';

/** The RFC 9457 body of an error; `instance` is the request path (query cut off, length bounded). */
function problemBody(err: AppError, url: string) {
  return {
    type: `https://wohnhilfe.de/problems/${err.code.replace(/_/g, '-')}`,
    title: ERROR_TITLES[err.code],
    status: err.status,
    code: err.code,
    detail: err.detail ?? ERROR_TITLES[err.code],
    instance: url.split('?')[0]!.slice(0, 500),
    ...(err.extra.errors ? { errors: err.extra.errors } : {}),
    ...(err.extra.currentState ? { currentState: err.extra.currentState } : {}),
  };
}

function problem(reply: FastifyReply, req: FastifyRequest, err: AppError) {
  if (err.extra.retryAfterSeconds) reply.header('Retry-After', String(err.extra.retryAfterSeconds));
  return reply.status(err.status).type('application/problem+json').header('Cache-Control', 'no-store').send(problemBody(err, req.url));
}

/** The code of an error Fastify (or a plugin) raised itself, by its 4xx status; the status follows the code's table. */
const FRAMEWORK_CODES: Record<number, ErrorCode> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  406: 'unsupported_media_type',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

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
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    // Anything else Fastify answers with 4xx (bad URL, malformed or empty JSON, bad Content-Length…) was a malformed request.
    const code = FRAMEWORK_CODES[fe.statusCode] ?? 'validation_failed';
    return problem(reply, req, new AppError(code, code === 'validation_failed' ? 'Die Anfrage ist fehlerhaft.' : undefined));
  }
  req.log.error({ err: error }, 'unhandled error');
  return problem(reply, req, new AppError('internal'));
}

/**
 * Errors Node's HTTP parser raises before there is a request (header overflow, timeout, garbage):
 * answered on the raw socket, as problem+json like everything else (Fastify's default is plain JSON).
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'headers_too_large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'request_timeout'
        : 'validation_failed';
  const e = new AppError(code, code === 'validation_failed' ? 'Die Anfrage ist fehlerhaft.' : undefined);
  const body = JSON.stringify(problemBody(e, '/'));
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${e.status} ${code === 'validation_failed' ? 'Bad Request' : code === 'request_timeout' ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}

/** Errors Fastify raises before a route is found (an over-long path parameter → 414, a malformed URL → 400). */
export function frameworkErrors(error: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  void errorHandler(error, req, reply);
}
