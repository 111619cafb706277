import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAgency, ZOrg, ZOrgList, ZUser, ZUserList } from '../../contracts/admin';
import { api } from '../api';

export type User = z.infer<typeof ZUser>;
export type Org = z.infer<typeof ZOrg>;
export type Agency = z.infer<typeof ZAgency>;
export type OrgKind = 'providers' | 'carriers';

export const adminKeys = {
  users: ['users'] as const,
  agency: ['agency'] as const,
  orgs: (kind: OrgKind) => ['orgs', kind] as const,
};

export function useUsers() {
  return useQuery({
    queryKey: adminKeys.users,
    queryFn: ({ signal }) => api.get<z.infer<typeof ZUserList>>('/users', undefined, signal),
    select: (d) => d.items,
  });
}

export function useOrgs(kind: OrgKind, enabled = true) {
  return useQuery({
    queryKey: adminKeys.orgs(kind),
    queryFn: ({ signal }) => api.get<z.infer<typeof ZOrgList>>(`/${kind}`, undefined, signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useAgency() {
  return useQuery({
    queryKey: adminKeys.agency,
    queryFn: ({ signal }) => api.get<Agency>('/agency', undefined, signal),
  });
}
