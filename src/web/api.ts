/**
 * Thin fetch wrapper for the wohnhilfe JSON API (/api/v1).
 * - same-origin session cookie, JSON in/out
 * - X-CSRF-Token on every non-GET request (token from `me.csrfToken`)
 * - Idempotency-Key on creating POSTs (caller supplies one key per submission attempt)
 * - If-Match: "<version>" on PUT (and DELETE when given)
 * - errors are RFC 9457 problem+json → ApiError; a 401 notifies the session (→ login)
 */
import type { TProblem } from '../contracts/common';

export const API_BASE = '/api/v1';

export type Problem = TProblem;

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
  get code(): string {
    return this.problem.code;
  }
}

/** The request never got an HTTP answer (offline, DNS, server down). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

/** Errors after which resending the same request (with the same Idempotency-Key) makes sense. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  if (err instanceof ApiError) return err.status === 429 || err.status === 502 || err.status === 503 || err.status === 504;
  return false;
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let unauthenticatedHandler: ((code: string) => void) | null = null;
/**
 * Registers what happens when any request answers 401: `unauthenticated` (session gone → login
 * page) or `totp_required` (the second factor must be set up first → /security).
 */
export function onUnauthenticated(handler: ((code: string) => void) | null): void {
  unauthenticatedHandler = handler;
}

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Creating POSTs: one key per submission attempt, reused when the attempt is retried. */
  idempotencyKey?: string;
  /** PUT: record version for optimistic locking, sent as If-Match: "<version>". */
  version?: number;
  signal?: AbortSignal;
  /** Do not treat a 401 as "session expired" (login, me). */
  expectUnauthenticated?: boolean;
  /** 'blob': a successful answer is a file (e.g. a PDF) and is returned as a Blob. */
  responseType?: 'json' | 'blob';
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function toProblem(data: unknown, status: number, statusText: string): Problem {
  if (data && typeof data === 'object' && 'code' in data && typeof (data as Problem).code === 'string') {
    const p = data as Partial<Problem>;
    return { type: p.type ?? 'about:blank', title: p.title ?? statusText, status: p.status ?? status, code: p.code!, ...p } as Problem;
  }
  const code =
    status === 401 ? 'unauthenticated'
    : status === 403 ? 'forbidden'
    : status === 404 ? 'not_found'
    : status === 409 ? 'conflict'
    : status === 412 ? 'precondition_failed'
    : status === 422 || status === 400 ? 'validation_failed'
    : status === 429 ? 'rate_limited'
    : 'internal';
  return { type: 'about:blank', title: statusText || 'Error', status, code };
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  if ((method === 'PUT' || method === 'DELETE') && opts.version !== undefined) headers['If-Match'] = `"${opts.version}"`;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new NetworkError(err);
  }

  if (res.ok && opts.responseType === 'blob') return (await res.blob()) as T;
  const text = res.status === 204 ? '' : await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const problem = toProblem(data, res.status, res.statusText);
    if (res.status === 401 && !opts.expectUnauthenticated) unauthenticatedHandler?.(problem.code);
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  /** Creating POST – pass the submission's idempotency key. */
  create: <T>(path: string, body: unknown, idempotencyKey: string) => request<T>('POST', path, { body, idempotencyKey }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body }),
  put: <T>(path: string, body: unknown, version: number) => request<T>('PUT', path, { body, version }),
  /** DELETE; with a version it is sent as If-Match. */
  del: <T>(path: string, version?: number) => request<T>('DELETE', path, { version }),
};

/** RFC 4122 v4 UUID; crypto.randomUUID where available (secure contexts), else getRandomValues. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
