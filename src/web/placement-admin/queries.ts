import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZConditionsImpact } from '../../contracts/placement';
import { api, ok } from '../api';

export type ConditionsImpact = z.infer<typeof ZConditionsImpact>;

export const placementAdminKeys = {
  conditions: ['programme-conditions'] as const,
  consents: (householdId: string) => ['households', 'consents', householdId] as const,
};

export function useConditions() {
  return useQuery({
    queryKey: placementAdminKeys.conditions,
    queryFn: ({ signal }) => ok(api.GET('/programme-conditions', { signal })),
    select: (d) => d.items,
  });
}

export function useConsents(householdId: string) {
  return useQuery({
    queryKey: placementAdminKeys.consents(householdId),
    queryFn: ({ signal }) => ok(api.GET('/households/{id}/consents', { params: { path: { id: householdId } }, signal })),
    select: (d) => d.items,
  });
}
