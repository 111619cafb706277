import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok, type ApiResponse } from '../api';

export type TCityView = ApiResponse<'/steering/city', 'get'>;
export type TCityFigure = TCityView['figures'][number];
export type TPublished = TCityFigure['total'];
export type TCityAverageView = ApiResponse<'/steering/city-average', 'get'>;

export function useCityComparison(from: string, to: string, agreementId: string | null) {
  return useQuery({
    queryKey: ['steering', 'city', from, to, agreementId],
    queryFn: ({ signal }) =>
      ok(api.GET('/steering/city', { params: { query: { from, to, ...(agreementId ? { agreementId } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** The city average beside the agency's own figures (only for agencies in a target agreement). */
export function useCityAverage(from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: ['steering', 'city-average', from, to],
    queryFn: ({ signal }) => ok(api.GET('/steering/city-average', { params: { query: { from, to } }, signal })),
    enabled,
  });
}
