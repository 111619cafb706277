import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api';

export const retentionKeys = {
  restriction: (householdId: string) => ['households', householdId, 'restriction'] as const,
  reviews: (status: string) => ['retention', 'reviews', status] as const,
  consentReport: (days: number) => ['consents', 'report', days] as const,
};

/** The household's restriction of processing (active one and history); for the banner and the section. */
export function useRestriction(householdId: string, enabled = true) {
  return useQuery({
    queryKey: retentionKeys.restriction(householdId),
    queryFn: ({ signal }) => ok(api.GET('/households/{id}/restriction', { params: { path: { id: householdId } }, signal })),
    enabled,
  });
}

export type ReviewStatus = 'due' | 'anonymised' | 'kept';

export function useRetentionReviews(status: ReviewStatus) {
  return useQuery({
    queryKey: retentionKeys.reviews(status),
    queryFn: ({ signal }) => ok(api.GET('/retention/reviews', { params: { query: { status } }, signal })),
    select: (d) => d.items,
  });
}

export function useConsentReport(days: number) {
  return useQuery({
    queryKey: retentionKeys.consentReport(days),
    queryFn: ({ signal }) => ok(api.GET('/consents/report', { params: { query: { days } }, signal })),
    select: (d) => d.items,
  });
}
