import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, ok, type ApiResponse } from '../api';

export type TBreakdownsView = ApiResponse<'/steering/breakdowns', 'get'>;
export type TProgrammeBreakdownView = TBreakdownsView['programmes'][number];
export type TWorkloadView = ApiResponse<'/steering/workload', 'get'>;

export function useBreakdowns(from: string, to: string) {
  return useQuery({
    queryKey: ['steering', 'breakdowns', from, to],
    queryFn: ({ signal }) => ok(api.GET('/steering/breakdowns', { params: { query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useWorkload(enabled: boolean) {
  return useQuery({
    queryKey: ['steering', 'workload'],
    queryFn: ({ signal }) => ok(api.GET('/steering/workload', { signal })),
    enabled,
  });
}

/** Download addresses of the exports (same period; the file in the language shown). */
export function exportHrefs(from: string, to: string, year: number, lang: string) {
  const l = lang === 'en' ? 'en' : 'de';
  const q = new URLSearchParams({ from, to, lang: l }).toString();
  return {
    xlsx: `/api/v1/steering/export.xlsx?${q}`,
    pdf: `/api/v1/steering/export.pdf?${q}`,
    annual: `/api/v1/steering/annual-report.pdf?${new URLSearchParams({ year: String(year), lang: l }).toString()}`,
  };
}
