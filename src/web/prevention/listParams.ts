import { CASE_STATES, PREVENTION_SOURCES, type TCaseState, type TPreventionSource } from '../../contracts/prevention';
import type { Query } from '../api';

export const QUEUE_SORTS = ['urgency', 'receivedOn', 'reference'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
/** 'open' = every case not closed (the default); otherwise one state. */
export type QueueStatus = 'open' | TCaseState;
export const QUEUE_STATUSES: readonly QueueStatus[] = ['open', ...CASE_STATES];

/** Case queue state, kept in the URL query string. */
export interface QueueParams {
  q: string;
  status: QueueStatus;
  source: TPreventionSource | '';
  mine: boolean;
  overdue: boolean;
  evictionScheduled: boolean;
  sort: QueueSort;
  page: number;
  pageSize: number;
}

/** The lead's view: all open cases, most urgent first. */
export function defaultQueueParams(): QueueParams {
  return {
    q: '',
    status: 'open',
    source: '',
    mine: false,
    overdue: false,
    evictionScheduled: false,
    sort: 'urgency',
    page: 1,
    pageSize: 25,
  };
}

function int(value: string | null, min: number, max: number): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  (list as readonly string[]).includes(value ?? '') ? ((value ?? '') as T) : fallback;

export function parseQueueParams(sp: URLSearchParams): QueueParams {
  const d = defaultQueueParams();
  return {
    q: (sp.get('q') ?? '').slice(0, 100),
    status: oneOf(QUEUE_STATUSES, sp.get('status'), d.status),
    source: oneOf<TPreventionSource | ''>(['', ...PREVENTION_SOURCES], sp.get('source'), ''),
    mine: sp.get('mine') === 'true',
    overdue: sp.get('overdue') === 'true',
    evictionScheduled: sp.get('eviction') === 'true',
    sort: oneOf(QUEUE_SORTS, sp.get('sort'), d.sort),
    page: int(sp.get('page'), 1, 100_000) ?? 1,
    pageSize: int(sp.get('pageSize'), 1, 100) ?? d.pageSize,
  };
}

/** The API query (GET /prevention/cases); unset filters are left out. */
export function toQuery(p: QueueParams): Query {
  return {
    q: p.q.trim() || undefined,
    status: p.status,
    source: p.source || undefined,
    mine: p.mine ? 'true' : undefined,
    overdue: p.overdue ? 'true' : undefined,
    evictionScheduled: p.evictionScheduled ? 'true' : undefined,
    sort: p.sort,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/** Only values that differ from the defaults go into the URL. */
export function toSearchParams(p: QueueParams): URLSearchParams {
  const d = defaultQueueParams();
  const sp = new URLSearchParams();
  if (p.q.trim()) sp.set('q', p.q.trim());
  if (p.status !== d.status) sp.set('status', p.status);
  if (p.source) sp.set('source', p.source);
  if (p.mine) sp.set('mine', 'true');
  if (p.overdue) sp.set('overdue', 'true');
  if (p.evictionScheduled) sp.set('eviction', 'true');
  if (p.sort !== d.sort) sp.set('sort', p.sort);
  if (p.page !== 1) sp.set('page', String(p.page));
  if (p.pageSize !== d.pageSize) sp.set('pageSize', String(p.pageSize));
  return sp;
}
