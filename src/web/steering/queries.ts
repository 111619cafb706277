import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../api';

export const steeringKeys = {
  all: ['steering'] as const,
  figures: (from: string, to: string) => ['steering', 'figures', from, to] as const,
  targets: (figureId: string) => ['steering', 'targets', figureId] as const,
};

export function useFigures(from: string, to: string) {
  return useQuery({
    queryKey: steeringKeys.figures(from, to),
    queryFn: ({ signal }) => ok(api.GET('/steering/figures', { params: { query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useTargetHistory(figureId: string) {
  return useQuery({
    queryKey: steeringKeys.targets(figureId),
    queryFn: ({ signal }) => ok(api.GET('/steering/targets', { params: { query: { figureId } }, signal })),
  });
}

/** After a new version: the dashboard and the histories read again. */
export function useRefreshSteering() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: steeringKeys.all });
}

/**
 * "Neu berechnen": the figures are materialised (refreshed hourly, with the time of their data);
 * this computes the period and the one before now, then the dashboard reads again.
 */
export function useRecompute(from: string, to: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/steering/refresh', { body: { from, to } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: steeringKeys.all }),
  });
}
