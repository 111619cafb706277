import { INCIDENT_KINDS, INCIDENT_STATES, type TIncidentKind, type TIncidentState } from '../../contracts/sustainment';
import type { Query } from '../api';

/** 'open' = every incident still in progress (the server's default), 'all' = no state filter. */
export type IncidentStateFilter = 'open' | 'all' | TIncidentState;
export const INCIDENT_STATE_FILTERS: readonly IncidentStateFilter[] = ['open', 'all', ...INCIDENT_STATES];

/** Incident queue state, kept in the URL query string. */
export interface IncidentParams {
  kind: TIncidentKind | '';
  state: IncidentStateFilter;
  mine: boolean;
  page: number;
  pageSize: number;
}

export const DEFAULT_INCIDENT_PARAMS: IncidentParams = { kind: '', state: 'open', mine: false, page: 1, pageSize: 25 };

export const TENANCY_STATUS_FILTERS = ['', 'active', 'ended'] as const;
/** "Garantie endet bald": within this many months. */
export const ENDING_SOON_MONTHS = [1, 3, 6, 12] as const;

/** Tenancy list state, kept in the URL query string. */
export interface TenancyParams {
  q: string;
  status: (typeof TENANCY_STATUS_FILTERS)[number];
  providerId: string;
  endingWithin: number | null;
  page: number;
  pageSize: number;
}

export const DEFAULT_TENANCY_PARAMS: TenancyParams = { q: '', status: 'active', providerId: '', endingWithin: null, page: 1, pageSize: 25 };

function int(value: string | null, min: number, max: number): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null, fallback: T): T =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : fallback;

export function parseIncidentParams(sp: URLSearchParams, portal: boolean): IncidentParams {
  const d = DEFAULT_INCIDENT_PARAMS;
  return {
    kind: oneOf<TIncidentKind | ''>(['', ...INCIDENT_KINDS], sp.get('kind'), ''),
    state: oneOf(INCIDENT_STATE_FILTERS, sp.get('state'), d.state),
    mine: !portal && sp.get('mine') === 'true',
    page: int(sp.get('page'), 1, 100_000) ?? 1,
    pageSize: int(sp.get('pageSize'), 1, 100) ?? d.pageSize,
  };
}

export function incidentQuery(p: IncidentParams): Query {
  return { kind: p.kind || undefined, state: p.state, mine: p.mine ? 'true' : undefined, page: p.page, pageSize: p.pageSize };
}

export function incidentSearchParams(p: IncidentParams): URLSearchParams {
  const d = DEFAULT_INCIDENT_PARAMS;
  const sp = new URLSearchParams();
  if (p.kind) sp.set('kind', p.kind);
  if (p.state !== d.state) sp.set('state', p.state);
  if (p.mine) sp.set('mine', 'true');
  if (p.page !== 1) sp.set('page', String(p.page));
  if (p.pageSize !== d.pageSize) sp.set('pageSize', String(p.pageSize));
  return sp;
}

export function parseTenancyParams(sp: URLSearchParams): TenancyParams {
  const d = DEFAULT_TENANCY_PARAMS;
  const within = int(sp.get('endingWithin'), 1, 120);
  return {
    q: (sp.get('q') ?? '').slice(0, 100),
    status: oneOf(TENANCY_STATUS_FILTERS, sp.get('status'), d.status),
    providerId: sp.get('providerId') ?? '',
    endingWithin: within,
    page: int(sp.get('page'), 1, 100_000) ?? 1,
    pageSize: int(sp.get('pageSize'), 1, 100) ?? d.pageSize,
  };
}

export function tenancyQuery(p: TenancyParams): Query {
  return {
    q: p.q.trim() || undefined,
    status: p.status || undefined,
    providerId: p.providerId || undefined,
    guaranteeEndsWithinMonths: p.endingWithin ?? undefined,
    page: p.page,
    pageSize: p.pageSize,
  };
}

/** Only values that differ from the defaults go into the URL ('status=' keeps "all" apart from the default "active"). */
export function tenancySearchParams(p: TenancyParams): URLSearchParams {
  const d = DEFAULT_TENANCY_PARAMS;
  const sp = new URLSearchParams();
  if (p.q.trim()) sp.set('q', p.q.trim());
  if (p.status !== d.status) sp.set('status', p.status);
  if (p.providerId) sp.set('providerId', p.providerId);
  if (p.endingWithin !== null) sp.set('endingWithin', String(p.endingWithin));
  if (p.page !== 1) sp.set('page', String(p.page));
  if (p.pageSize !== d.pageSize) sp.set('pageSize', String(p.pageSize));
  return sp;
}
