import type { Query } from '../api';
import { dayBoundaryIso } from '../i18n/format';

export const OUTCOMES = ['success', 'denied', 'failure'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Audit filter state as kept in the URL (dates as YYYY-MM-DD). */
export interface AuditFilters {
  action: string;
  outcome: Outcome | '';
  actorId: string;
  entityId: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilters = { action: '', outcome: '', actorId: '', entityId: '', from: '', to: '' };

export function parseAuditParams(sp: URLSearchParams): { filters: AuditFilters; page: number } {
  const outcome = sp.get('outcome') ?? '';
  const page = Number(sp.get('page') ?? '1');
  return {
    filters: {
      action: sp.get('action') ?? '',
      outcome: (OUTCOMES as readonly string[]).includes(outcome) ? (outcome as Outcome) : '',
      actorId: sp.get('actorId') ?? '',
      entityId: sp.get('entityId') ?? '',
      from: sp.get('from') ?? '',
      to: sp.get('to') ?? '',
    },
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function auditSearchParams(filters: AuditFilters, page: number): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v.trim() !== '') sp.set(k, v.trim());
  if (page > 1) sp.set('page', String(page));
  return sp;
}

/** API query: day filters become the start of `from` and the end of `to` in local time. */
export function auditApiQuery(filters: AuditFilters, page: number, pageSize: number): Query {
  return {
    action: filters.action.trim() || undefined,
    outcome: filters.outcome || undefined,
    actorId: filters.actorId.trim() || undefined,
    entityId: filters.entityId.trim() || undefined,
    from: filters.from ? dayBoundaryIso(filters.from) : undefined,
    to: filters.to ? dayBoundaryIso(filters.to, true) : undefined,
    page,
    pageSize,
  };
}
