import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZFacilityDetail, ZFacility, ZOperator } from '../../contracts/accommodation';
import type { ZAssignment, ZPlaceSearch } from '../../contracts/accommodationStays';
import { api, ok } from '../api';

export type Facility = z.infer<typeof ZFacility>;
export type FacilityDetail = z.infer<typeof ZFacilityDetail>;
export type Operator = z.infer<typeof ZOperator>;
export type Assignment = z.infer<typeof ZAssignment>;
export type PlaceSearch = z.infer<typeof ZPlaceSearch>;

/** Everything of the module lives under ['accommodation', …]: one invalidation refreshes lists and pages. */
export const accommodationKeys = {
  all: ['accommodation'] as const,
  facilities: ['accommodation', 'facilities'] as const,
  facility: (id: string) => ['accommodation', 'facility', id] as const,
  operators: ['accommodation', 'operators'] as const,
  stays: (householdId: string | null) => ['accommodation', 'stays', householdId] as const,
  assignment: (id: string) => ['accommodation', 'assignment', id] as const,
  search: (householdId: string, date: string, paging: PlaceSearchPaging) => ['accommodation', 'search', householdId, date, paging] as const,
  portal: ['accommodation', 'portal'] as const,
  incidents: (id: string) => ['accommodation', 'incidents', id] as const,
};

export const useFacilities = () =>
  useQuery({ queryKey: accommodationKeys.facilities, queryFn: ({ signal }) => ok(api.GET('/accommodation/facilities', { signal })) });

export const useFacility = (id: string) =>
  useQuery({
    queryKey: accommodationKeys.facility(id),
    queryFn: ({ signal }) => ok(api.GET('/accommodation/facilities/{id}', { params: { path: { id } }, signal })),
  });

export const useOperators = (enabled = true) =>
  useQuery({
    queryKey: accommodationKeys.operators,
    queryFn: ({ signal }) => ok(api.GET('/accommodation/operators', { signal })),
    enabled,
  });

export const useStays = (householdId: string | null) =>
  useQuery({
    queryKey: accommodationKeys.stays(householdId),
    queryFn: ({ signal }) =>
      ok(api.GET('/accommodation/assignments', { params: { query: householdId ? { householdId, current: 'false' } : {} }, signal })),
  });

export const useAssignment = (id: string) =>
  useQuery({
    queryKey: accommodationKeys.assignment(id),
    queryFn: ({ signal }) => ok(api.GET('/accommodation/assignments/{id}', { params: { path: { id } }, signal })),
  });

/** The page of facilities with fitting places, and the reason whose excluded places are listed (with its page). */
export interface PlaceSearchPaging {
  page: number;
  reason: PlaceSearch['exclusionCounts'][number]['reason'] | null;
  reasonPage: number;
}

export const usePlaceSearch = (householdId: string, date: string, paging: PlaceSearchPaging) =>
  useQuery({
    queryKey: accommodationKeys.search(householdId, date, paging),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/accommodation/place-search', {
          params: {
            query: {
              householdId,
              ...(date ? { date } : {}),
              page: paging.page,
              ...(paging.reason ? { reason: paging.reason, reasonPage: paging.reasonPage } : {}),
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** The operator portal: the own facilities with today's occupancy and the households placed there. */
export const usePortal = () =>
  useQuery({ queryKey: accommodationKeys.portal, queryFn: ({ signal }) => ok(api.GET('/accommodation/portal', { signal })) });

/** The incidents the operator reported on an assignment (staff). */
export const useIncidents = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: accommodationKeys.incidents(id),
    queryFn: ({ signal }) => ok(api.GET('/accommodation/assignments/{id}/incidents', { params: { path: { id } }, signal })),
    enabled,
  });

export function useRefreshAccommodation() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: accommodationKeys.all });
}

export const documentUrl = (assignmentId: string, documentId: string) =>
  `/api/v1/accommodation/assignments/${assignmentId}/documents/${documentId}`;
