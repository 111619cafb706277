import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZIncident, ZIncidentPage, ZTenancyDetail, ZTenancyPage } from '../../contracts/sustainment';
import { api, ok } from '../api';
import { incidentQuery, tenancyQuery, type IncidentParams, type TenancyParams } from './listParams';

export type Incident = z.infer<typeof ZIncident>;
export type IncidentPage = z.infer<typeof ZIncidentPage>;
export type IncidentRow = IncidentPage['items'][number];
export type TenancyDetail = z.infer<typeof ZTenancyDetail>;
export type TenancyPage = z.infer<typeof ZTenancyPage>;
export type TenancyRow = TenancyPage['items'][number];

/** Everything of the module lives under ['sustainment', …], so one invalidation refreshes lists and pages. */
export const sustainmentKeys = {
  all: ['sustainment'] as const,
  incidents: (p: IncidentParams) => ['sustainment', 'incidents', p] as const,
  incident: (id: string) => ['sustainment', 'incident', id] as const,
  tenancies: (p: TenancyParams) => ['sustainment', 'tenancies', p] as const,
  tenancy: (id: string) => ['sustainment', 'tenancy', id] as const,
};

const enc = encodeURIComponent;

export function useIncidents(params: IncidentParams) {
  return useQuery({
    queryKey: sustainmentKeys.incidents(params),
    queryFn: ({ signal }) => ok(api.GET('/incidents', { params: { query: incidentQuery(params) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useTenancyList(params: TenancyParams) {
  return useQuery({
    queryKey: sustainmentKeys.tenancies(params),
    queryFn: ({ signal }) => ok(api.GET('/tenancies', { params: { query: tenancyQuery(params) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useTenancyDetail(id: string, enabled = true) {
  return useQuery({
    queryKey: sustainmentKeys.tenancy(id),
    queryFn: ({ signal }) => ok(api.GET('/tenancies/{id}', { params: { path: { id } }, signal })),
    enabled: enabled && !!id,
  });
}

export function useIncident(id: string) {
  return useQuery({
    queryKey: sustainmentKeys.incident(id),
    queryFn: ({ signal }) => ok(api.GET('/incidents/{id}', { params: { path: { id } }, signal })),
  });
}

/** After any step: the whole module (the step changes the incident, its tenancy and the lists). */
export function useRefreshSustainment() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: sustainmentKeys.all });
}

export const tenancyDocumentUrl = (tenancyId: string, documentId: string) =>
  `/api/v1/tenancies/${enc(tenancyId)}/documents/${enc(documentId)}`;
export const incidentDocumentUrl = (incidentId: string, documentId: string) =>
  `/api/v1/incidents/${enc(incidentId)}/documents/${enc(documentId)}`;
