import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAgency, ZOrg, ZOrgInput, ZOrgUpdate, ZUser } from '../../contracts/admin';
import { api, idempotent, ifMatch, ok } from '../api';

export type User = z.infer<typeof ZUser>;
export type Org = z.infer<typeof ZOrg>;
export type Agency = z.infer<typeof ZAgency>;
export type OrgKind = 'providers' | 'carriers';

export const adminKeys = {
  users: ['users'] as const,
  agency: ['agency'] as const,
  orgs: (kind: OrgKind) => ['orgs', kind] as const,
  operators: ['users', 'operators'] as const,
};

/** The agency's accounts; with `search`, those whose name or e-mail address contains it (filtered by the server). */
export function useUsers(search = '') {
  return useQuery({
    queryKey: [...adminKeys.users, search.trim()],
    queryFn: ({ signal }) => ok(api.GET('/users', { params: { query: { search: search.trim() || undefined } }, signal })),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function useOrgs(kind: OrgKind, enabled = true) {
  return useQuery({
    queryKey: adminKeys.orgs(kind),
    queryFn: ({ signal }) => fetchOrgs(kind, signal),
    select: (d) => d.items,
    enabled,
  });
}

/** The agency's accommodation operators (names only), for operator users. */
export function useOperatorChoices(enabled = true) {
  return useQuery({
    queryKey: adminKeys.operators,
    queryFn: ({ signal }) => ok(api.GET('/users/operators', { signal })),
    select: (d) => d.items,
    enabled,
  });
}

/** GET /providers or /carriers. */
export const fetchOrgs = (kind: OrgKind, signal?: AbortSignal) =>
  kind === 'providers' ? ok(api.GET('/providers', { signal })) : ok(api.GET('/carriers', { signal }));

/** Create (with its Idempotency-Key) or update (If-Match) a provider or carrier. */
export function saveOrg(
  kind: OrgKind,
  v: { update: z.output<typeof ZOrgUpdate>; id: string } | { create: z.output<typeof ZOrgInput>; key: string },
) {
  if ('update' in v) {
    const init = { params: { path: { id: v.id } }, body: v.update, headers: ifMatch(v.update.version) };
    return kind === 'providers' ? ok(api.PUT('/providers/{id}', init)) : ok(api.PUT('/carriers/{id}', init));
  }
  const init = { body: v.create, headers: idempotent(v.key) };
  return kind === 'providers' ? ok(api.POST('/providers', init)) : ok(api.POST('/carriers', init));
}

export function useAgency() {
  return useQuery({
    queryKey: adminKeys.agency,
    queryFn: ({ signal }) => ok(api.GET('/agency', { signal })),
  });
}
