import { AFTERCARE_STATES, TARGET_GROUPS } from '../../contracts/aftercare';
import type { CaseListParams } from './queries';

/** The case list's filters in the URL (unknown values are dropped, page 1 is left out). */
export const EMPTY: CaseListParams = { carrierId: '', state: '', targetGroup: '', q: '', page: 1 };

export function parse(sp: URLSearchParams): CaseListParams {
  const page = Number(sp.get('page'));
  return {
    carrierId: sp.get('carrierId') ?? '',
    state: (AFTERCARE_STATES as readonly string[]).includes(sp.get('state') ?? '') ? sp.get('state')! : '',
    targetGroup: (TARGET_GROUPS as readonly string[]).includes(sp.get('targetGroup') ?? '') ? sp.get('targetGroup')! : '',
    q: sp.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function toSearch(p: CaseListParams): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v && !(k === 'page' && v === 1)) sp.set(k, String(v));
  return sp;
}
