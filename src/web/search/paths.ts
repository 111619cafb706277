import type { TSearchKind } from '../../contracts/search';

/** Where each kind of search hit opens. */
export const recordPath = (kind: TSearchKind, id: string): string =>
  ({
    household: `/households/${id}`,
    prevention: `/prevention/cases/${id}`,
    offer: `/placement/offers/${id}`,
    tenancy: `/sustainment/tenancies/${id}`,
    aftercare: `/aftercare/cases/${id}`,
  })[kind];

export const resultsPath = (q: string): string => `/search?q=${encodeURIComponent(q)}`;
