import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { TPrivacyRequest, TPrivacyRequestState } from '../../contracts/privacy';
import { api, ok } from '../api';

export type PrivacyRequest = TPrivacyRequest;

/** Everything of the module lives under ['privacy', …]: one invalidation refreshes lists and pages. */
export const privacyKeys = {
  all: ['privacy'] as const,
  list: (state: string) => ['privacy', 'requests', state] as const,
  request: (id: string) => ['privacy', 'request', id] as const,
  transfers: ['privacy', 'transfers'] as const,
  consents: ['privacy', 'consents'] as const,
  retentionRuns: ['privacy', 'retention-runs'] as const,
};

export function useRequestList(state: string) {
  return useQuery({
    queryKey: privacyKeys.list(state),
    queryFn: ({ signal }) =>
      ok(api.GET('/privacy/requests', { params: { query: { state: (state || undefined) as TPrivacyRequestState | undefined } }, signal })),
  });
}

export function usePrivacyRequest(id: string) {
  return useQuery({
    queryKey: privacyKeys.request(id),
    queryFn: ({ signal }) => ok(api.GET('/privacy/requests/{id}', { params: { path: { id } }, signal })),
    enabled: !!id,
  });
}

export function useTransferLog() {
  return useQuery({ queryKey: privacyKeys.transfers, queryFn: ({ signal }) => ok(api.GET('/privacy/transfers', { signal })) });
}

export function useConsentLog() {
  return useQuery({ queryKey: privacyKeys.consents, queryFn: ({ signal }) => ok(api.GET('/privacy/consents', { signal })) });
}

export function useRetentionRuns() {
  return useQuery({ queryKey: privacyKeys.retentionRuns, queryFn: ({ signal }) => ok(api.GET('/retention/runs', { signal })) });
}

export function useRefreshPrivacy() {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: privacyKeys.all }), [qc]);
}
