import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ZCandidate,
  ZCandidateList,
  ZOffer,
  ZOfferEvents,
  ZOfferPage,
  ZPortalCandidate,
  ZRanking,
  ZRankingList,
  ZRoundTable,
  ZTenancy,
} from '../../contracts/placement';
import { api, ok } from '../api';
import { toQuery, type QueueParams } from './listParams';

export type Offer = z.infer<typeof ZOffer>;
export type OfferPage = z.infer<typeof ZOfferPage>;
export type OfferEvent = z.infer<typeof ZOfferEvents>['items'][number];
export type Candidate = z.infer<typeof ZCandidate>;
export type PortalCandidate = z.infer<typeof ZPortalCandidate>;
export type CandidateList = z.infer<typeof ZCandidateList>;
export type Ranking = z.infer<typeof ZRanking>;
export type RankingSummary = z.infer<typeof ZRankingList>['items'][number];
export type RoundTable = z.infer<typeof ZRoundTable>;
export type Viewing = Candidate['viewings'][number];
export type Tenancy = z.infer<typeof ZTenancy>;
/** Which page of a ranking's entries and of its exclusions is shown. */
export interface RankingPages {
  entriesPage: number;
  exclusionsPage: number;
}
export const FIRST_PAGES: RankingPages = { entriesPage: 1, exclusionsPage: 1 };

/** Query keys: everything about one offer lives under ['placement', 'offer', id]. */
export const placementKeys = {
  all: ['placement'] as const,
  list: (p: QueueParams) => ['placement', 'list', p] as const,
  offer: (id: string) => ['placement', 'offer', id] as const,
  detail: (id: string) => ['placement', 'offer', id, 'detail'] as const,
  events: (id: string) => ['placement', 'offer', id, 'events'] as const,
  candidates: (id: string) => ['placement', 'offer', id, 'candidates'] as const,
  rankings: (id: string) => ['placement', 'offer', id, 'rankings'] as const,
  ranking: (id: string, rankingId: string, pages: RankingPages = FIRST_PAGES) =>
    ['placement', 'offer', id, 'rankings', rankingId, pages.entriesPage, pages.exclusionsPage] as const,
  roundTables: (id: string) => ['placement', 'offer', id, 'round-tables'] as const,
  tenancy: (id: string) => ['placement', 'tenancy', id] as const,
};

const enc = encodeURIComponent;

export function useOfferQueue(params: QueueParams) {
  return useQuery({
    queryKey: placementKeys.list(params),
    queryFn: ({ signal }) => ok(api.GET('/offers', { params: { query: toQuery(params) }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOffer(id: string) {
  return useQuery({
    queryKey: placementKeys.detail(id),
    queryFn: ({ signal }) => ok(api.GET('/offers/{id}', { params: { path: { id } }, signal })),
  });
}

export function useOfferEvents(id: string) {
  return useQuery({
    queryKey: placementKeys.events(id),
    queryFn: ({ signal }) => ok(api.GET('/offers/{id}/events', { params: { path: { id } }, signal })),
    select: (d) => d.items,
  });
}

export function useCandidates(id: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.candidates(id),
    queryFn: ({ signal }) => ok(api.GET('/offers/{id}/candidates', { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useRankings(id: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.rankings(id),
    queryFn: ({ signal }) => ok(api.GET('/offers/{id}/rankings', { params: { path: { id } }, signal })),
    select: (d) => d.items,
    enabled,
  });
}

export function useRanking(id: string, rankingId: string | null, pages: RankingPages) {
  return useQuery({
    queryKey: placementKeys.ranking(id, rankingId ?? '', pages),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/offers/{id}/rankings/{subId}', {
          params: { path: { id, subId: rankingId! }, query: { entriesPage: pages.entriesPage, exclusionsPage: pages.exclusionsPage } },
          signal,
        }),
      ),
    enabled: !!rankingId,
    staleTime: Infinity, // a stored ranking never changes
    // Paging keeps the shown page until the next one is there (same ranking only).
    placeholderData: (prev) => (prev?.id === rankingId ? prev : undefined),
  });
}

export function useRoundTables(id: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.roundTables(id),
    queryFn: ({ signal }) => ok(api.GET('/offers/{id}/round-tables', { params: { path: { id } }, signal })),
    select: (d) => d.items,
    enabled,
  });
}

export function useTenancy(id: string | null) {
  return useQuery({
    queryKey: placementKeys.tenancy(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/tenancies/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
}

/** The agency (districts, placement defaults) – only for roles that may read it (agency.read). */
export function useAgencySettings(enabled: boolean) {
  return useQuery({
    queryKey: ['agency'],
    queryFn: ({ signal }) => ok(api.GET('/agency', { signal })),
    select: (a) => a.settings,
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** After any step: the offer and everything under it (candidates, meetings, timeline) and the queue. */
export function useRefreshOffer(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: placementKeys.offer(id) }),
      queryClient.invalidateQueries({ queryKey: ['placement', 'list'] }),
    ]);
}

export const isPortalCandidate = (c: Candidate | PortalCandidate): c is PortalCandidate => !('household' in c);
export const attachmentUrl = (offerId: string, attachmentId: string) => `/api/v1/offers/${enc(offerId)}/attachments/${enc(attachmentId)}`;
export const documentUrl = (offerId: string, documentId: string) => `/api/v1/offers/${enc(offerId)}/documents/${enc(documentId)}`;
