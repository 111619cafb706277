import { OFFER_STATES, type TOfferState } from '../../contracts/placement';
import type { Query } from '../api';

export const QUEUE_SORTS = ['nextDeadline', 'updatedAt', 'reference'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
/** 'all' = no status filter, 'open' = every offer still in progress (server: status=open). */
export type QueueStatus = 'all' | 'open' | TOfferState;
export const QUEUE_STATUSES: readonly QueueStatus[] = ['all', 'open', ...OFFER_STATES];

/** Offer queue state, kept in the URL query string. */
export interface QueueParams {
  q: string;
  status: QueueStatus;
  mine: boolean;
  sort: QueueSort;
  page: number;
  pageSize: number;
}

/**
 * Office staff start with the offers in progress, sorted by the next deadline; a housing company
 * starts with all its offers (its drafts are not "in progress" yet).
 */
export function defaultQueueParams(provider: boolean): QueueParams {
  return { q: '', status: provider ? 'all' : 'open', mine: false, sort: 'nextDeadline', page: 1, pageSize: 25 };
}

function int(value: string | null, min: number, max: number): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export function parseQueueParams(sp: URLSearchParams, provider: boolean): QueueParams {
  const d = defaultQueueParams(provider);
  const status = sp.get('status') ?? '';
  const sort = sp.get('sort') ?? '';
  return {
    q: (sp.get('q') ?? '').slice(0, 100),
    status: (QUEUE_STATUSES as readonly string[]).includes(status) ? (status as QueueStatus) : d.status,
    mine: !provider && sp.get('mine') === 'true',
    sort: (QUEUE_SORTS as readonly string[]).includes(sort) ? (sort as QueueSort) : d.sort,
    page: int(sp.get('page'), 1, 100_000) ?? 1,
    pageSize: int(sp.get('pageSize'), 1, 100) ?? d.pageSize,
  };
}

/** The API query: 'all' sends no status, 'mine' becomes scope=mine. */
export function toQuery(p: QueueParams): Query {
  return {
    q: p.q.trim() || undefined,
    status: p.status === 'all' ? undefined : p.status,
    scope: p.mine ? 'mine' : undefined,
    sort: p.sort,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/** Only values that differ from the defaults go into the URL. */
export function toSearchParams(p: QueueParams, provider: boolean): URLSearchParams {
  const d = defaultQueueParams(provider);
  const sp = new URLSearchParams();
  if (p.q.trim()) sp.set('q', p.q.trim());
  if (p.status !== d.status) sp.set('status', p.status);
  if (p.mine) sp.set('mine', 'true');
  if (p.sort !== d.sort) sp.set('sort', p.sort);
  if (p.page !== 1) sp.set('page', String(p.page));
  if (p.pageSize !== d.pageSize) sp.set('pageSize', String(p.pageSize));
  return sp;
}
