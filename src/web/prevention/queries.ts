import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZPreventionSettings } from '../../contracts/admin';
import type {
  ZAttempt,
  ZCaseListItem,
  ZCasePage,
  ZHouseholdMatch,
  ZMeasure,
  ZPreventionCase,
  ZReferral,
  ZVisit,
  ZVisitPage,
} from '../../contracts/prevention';
import { api, ok } from '../api';
import { toQuery, type QueueParams } from './listParams';

export type PreventionCase = z.infer<typeof ZPreventionCase>;
export type CaseListItem = z.infer<typeof ZCaseListItem>;
export type CasePage = z.infer<typeof ZCasePage>;
export type HouseholdMatch = z.infer<typeof ZHouseholdMatch>;
export type Attempt = z.infer<typeof ZAttempt>;
export type Measure = z.infer<typeof ZMeasure>;
export type Referral = z.infer<typeof ZReferral>;
export type Visit = z.infer<typeof ZVisit>;
export type VisitPage = z.infer<typeof ZVisitPage>;
export type PreventionSettings = z.infer<typeof ZPreventionSettings>;

const enc = encodeURIComponent;

/** Download link of a generated letter of a case (the browser fetches it with the session cookie). */
export const documentUrl = (caseId: string, documentId: string) => `/api/v1/prevention/cases/${enc(caseId)}/documents/${enc(documentId)}`;

export const preventionKeys = {
  all: ['prevention'] as const,
  list: (p: QueueParams) => ['prevention', 'list', p] as const,
  case: (id: string) => ['prevention', 'case', id] as const,
  visits: (from: string, to: string) => ['prevention', 'visits', from, to] as const,
};

export function useCaseQueue(params: QueueParams) {
  return useQuery({
    queryKey: preventionKeys.list(params),
    queryFn: ({ signal }) => ok(api.GET('/prevention/cases', { params: { query: toQuery(params) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: preventionKeys.case(id),
    queryFn: ({ signal }) => ok(api.GET('/prevention/cases/{id}', { params: { path: { id } }, signal })),
  });
}

export function useVisits(from: string, to: string) {
  return useQuery({
    queryKey: preventionKeys.visits(from, to),
    queryFn: ({ signal }) => ok(api.GET('/prevention/visits', { params: { query: { from, to, pageSize: 100 } }, signal })),
  });
}

/** Walk-in hours and contact procedure of the agency (readable by everyone who works on cases). */
export function usePreventionSettings() {
  return useQuery({
    queryKey: ['prevention', 'settings'],
    queryFn: ({ signal }) => ok(api.GET('/prevention/settings', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** After any step: the case (and its history) and the queue. */
export function useRefreshCase(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: preventionKeys.case(id) }),
      queryClient.invalidateQueries({ queryKey: ['prevention', 'list'] }),
    ]);
}
