import { HOUSING_SITUATIONS, type THousingSituation } from '../../contracts/common';
import type { Query } from '../api';

export const SORTS = ['updatedAt', 'name', 'reference', 'situationSince'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

/** Household list state, kept in the URL query string. */
export interface ListParams {
  q: string;
  situation: THousingSituation | '';
  caseManagerId: string;
  seekingHousing: boolean;
  mine: boolean;
  wheelchair: boolean;
  minPersons: number | null;
  district: string;
  overdue: boolean;
  sort: Sort;
  page: number;
  pageSize: number;
}

export const DEFAULT_PARAMS: ListParams = {
  q: '',
  situation: '',
  caseManagerId: '',
  seekingHousing: false,
  mine: false,
  wheelchair: false,
  minPersons: null,
  district: '',
  overdue: false,
  sort: 'updatedAt',
  page: 1,
  pageSize: 25,
};

function int(value: string | null, min: number, max: number): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export function parseListParams(sp: URLSearchParams): ListParams {
  const situation = sp.get('situation') ?? '';
  const sort = sp.get('sort') ?? '';
  const pageSize = int(sp.get('pageSize'), 1, 100);
  return {
    q: (sp.get('q') ?? '').slice(0, 100),
    situation: (HOUSING_SITUATIONS as readonly string[]).includes(situation) ? (situation as THousingSituation) : '',
    caseManagerId: sp.get('caseManagerId') ?? '',
    seekingHousing: sp.get('seekingHousing') === 'true',
    mine: sp.get('mine') === 'true',
    wheelchair: sp.get('wheelchair') === 'true',
    minPersons: int(sp.get('minPersons'), 1, 20),
    district: (sp.get('district') ?? '').slice(0, 80),
    overdue: sp.get('overdue') === 'true',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : DEFAULT_PARAMS.sort,
    page: int(sp.get('page'), 1, 100000) ?? 1,
    pageSize: pageSize ?? DEFAULT_PARAMS.pageSize,
  };
}

/** Only non-default values go into the URL (and to the API), booleans only when set. */
export function toQuery(p: ListParams): Query {
  return {
    q: p.q.trim() || undefined,
    situation: p.situation || undefined,
    caseManagerId: p.caseManagerId || undefined,
    seekingHousing: p.seekingHousing ? 'true' : undefined,
    mine: p.mine ? 'true' : undefined,
    wheelchair: p.wheelchair ? 'true' : undefined,
    minPersons: p.minPersons ?? undefined,
    district: p.district || undefined,
    overdue: p.overdue ? 'true' : undefined,
    sort: p.sort !== DEFAULT_PARAMS.sort ? p.sort : undefined,
    page: p.page !== 1 ? p.page : undefined,
    pageSize: p.pageSize !== DEFAULT_PARAMS.pageSize ? p.pageSize : undefined,
  };
}

export function toSearchParams(p: ListParams): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(toQuery(p))) if (v !== undefined && v !== null && v !== '') sp.set(k, String(v));
  return sp;
}
