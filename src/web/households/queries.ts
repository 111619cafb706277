import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ROLES } from '../../contracts/common';
import type { TProgrammeEntry, ZAccessLogEntry, ZHousehold, ZHouseholdPage } from '../../contracts/households';
import type { TAddress, TAddressHistory } from '../../contracts/householdAddresses';
import { api, ok } from '../api';
import { toQuery, type ListParams } from './listParams';

export type Household = z.infer<typeof ZHousehold>;
export type HouseholdPage = z.infer<typeof ZHouseholdPage>;
export type AccessLogEntry = z.infer<typeof ZAccessLogEntry>;
export interface StaffMember {
  id: string;
  displayName: string;
  role: (typeof ROLES)[number];
}

export const householdKeys = {
  all: ['households'] as const,
  list: (p: ListParams) => ['households', 'list', p] as const,
  detail: (id: string) => ['households', 'detail', id] as const,
  journal: (id: string) => ['households', 'journal', id] as const,
  accessLog: (id: string) => ['households', 'access-log', id] as const,
  programmes: (id: string) => ['households', 'programmes', id] as const,
  addresses: (id: string) => ['households', 'addresses', id] as const,
};

export function useHouseholdList(params: ListParams) {
  return useQuery({
    queryKey: householdKeys.list(params),
    queryFn: ({ signal }) => ok(api.GET('/households', { params: { query: toQuery(params) }, signal })),
    placeholderData: keepPreviousData, // keep the old page visible while the next one loads
  });
}

export function useHousehold(id: string) {
  return useQuery({
    queryKey: householdKeys.detail(id),
    queryFn: ({ signal }) => ok(api.GET('/households/{id}', { params: { path: { id } }, signal })),
  });
}

export function useStaff(enabled = true) {
  return useQuery({
    queryKey: ['staff'],
    queryFn: ({ signal }) => ok(api.GET('/staff', { signal })),
    staleTime: 5 * 60_000,
    enabled,
    select: (d) => d.items,
  });
}

export function useAccessLog(id: string) {
  return useQuery({
    queryKey: householdKeys.accessLog(id),
    queryFn: ({ signal }) => ok(api.GET('/households/{id}/access-log', { params: { path: { id } }, signal })),
    select: (d) => d.items,
  });
}

export type ProgrammeEntry = TProgrammeEntry;

/** The household's cases in every programme, as far as the user may see them. */
export function useProgrammes(id: string) {
  return useQuery({
    queryKey: householdKeys.programmes(id),
    queryFn: ({ signal }) => ok(api.GET('/households/{id}/programmes', { params: { path: { id } }, signal })),
    select: (d) => d.items,
  });
}

export type AddressHistory = TAddressHistory;
export type Address = TAddress;

/** The household's address and whereabouts: the current entry and the whole history. */
export function useAddresses(id: string) {
  return useQuery({
    queryKey: householdKeys.addresses(id),
    queryFn: ({ signal }) => ok(api.GET('/households/{id}/addresses', { params: { path: { id } }, signal })),
  });
}

/** The agency's districts (address form, list filter). */
export function useDistricts() {
  return useQuery({
    queryKey: ['households', 'districts'],
    queryFn: ({ signal }) => ok(api.GET('/households/districts', { signal })),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
  });
}
