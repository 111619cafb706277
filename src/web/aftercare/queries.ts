import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZAftercareCase, ZAftercareListItem, ZAgreement, ZCarrierQueue, ZQueueItem } from '../../contracts/aftercare';
import type { ZCarrierReport, ZCarrierReportListItem } from '../../contracts/aftercareReports';
import { api, ok } from '../api';

export type AftercareCase = z.infer<typeof ZAftercareCase>;
export type AftercareRow = z.infer<typeof ZAftercareListItem>;
export type QueueItem = z.infer<typeof ZQueueItem>;
export type CarrierQueue = z.infer<typeof ZCarrierQueue>;
export type Agreement = z.infer<typeof ZAgreement>;
export type CarrierReport = z.infer<typeof ZCarrierReport>;
export type CarrierReportItem = z.infer<typeof ZCarrierReportListItem>;

/** The filters of the office's case list (all optional; empty string = no filter). */
export interface CaseListParams {
  carrierId: string;
  state: string;
  targetGroup: string;
  q: string;
  page: number;
}

/** Everything of the module lives under ['aftercare', …]: one invalidation refreshes lists and pages. */
export const aftercareKeys = {
  all: ['aftercare'] as const,
  queue: ['aftercare', 'queue'] as const,
  cases: (p: CaseListParams) => ['aftercare', 'cases', p] as const,
  case: (id: string) => ['aftercare', 'case', id] as const,
  transfers: (id: string) => ['aftercare', 'transfers', id] as const,
  workers: (id: string) => ['aftercare', 'workers', id] as const,
  agreements: ['aftercare', 'agreements'] as const,
  quarter: (p: object) => ['aftercare', 'quarter', p] as const,
  annual: (p: object) => ['aftercare', 'annual', p] as const,
  annualReports: (p: object) => ['aftercare', 'annual-reports', p] as const,
  annualReport: (id: string) => ['aftercare', 'annual-report', id] as const,
};

export const PAGE_SIZE = 50;

export function useQueue(enabled: boolean) {
  return useQuery({
    queryKey: aftercareKeys.queue,
    queryFn: ({ signal }) => ok(api.GET('/aftercare/queue', { signal })),
    enabled,
  });
}

export function useCaseList(p: CaseListParams, enabled: boolean) {
  return useQuery({
    queryKey: aftercareKeys.cases(p),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/aftercare/cases', {
          params: {
            query: {
              carrierId: p.carrierId || undefined,
              state: (p.state || undefined) as never,
              targetGroup: (p.targetGroup || undefined) as never,
              q: p.q || undefined,
              page: p.page,
              pageSize: PAGE_SIZE,
            },
          },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAftercareCase(id: string) {
  return useQuery({
    queryKey: aftercareKeys.case(id),
    queryFn: ({ signal }) => ok(api.GET('/aftercare/cases/{id}', { params: { path: { id } }, signal })),
    enabled: !!id,
  });
}

export function useTransfers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: aftercareKeys.transfers(id),
    queryFn: ({ signal }) => ok(api.GET('/aftercare/cases/{id}/transfers', { params: { path: { id } }, signal })),
    enabled,
  });
}

/** The carrier's active workers who may take the case (the assignment picker of the Fachstelle and the carrier lead). */
export function useCarrierWorkers(id: string, enabled: boolean) {
  return useQuery({
    queryKey: aftercareKeys.workers(id),
    queryFn: ({ signal }) => ok(api.GET('/aftercare/cases/{id}/workers', { params: { path: { id } }, signal })),
    enabled,
  });
}

export function useAgreements(enabled = true) {
  return useQuery({
    queryKey: aftercareKeys.agreements,
    queryFn: ({ signal }) => ok(api.GET('/aftercare/agreements', { signal })),
    enabled,
  });
}

/** The carriers that have a cooperation agreement (the ones a case can go to), without duplicates. */
export function carriersOf(agreements: readonly Agreement[] | undefined): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const a of agreements ?? []) seen.set(a.carrier.id, a.carrier.name);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** After any step: the whole module (a step changes the case, the lists and the queue). */
export function useRefreshAftercare() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: aftercareKeys.all });
}

export const refusalLetterUrl = (caseId: string, documentId: string) =>
  `/api/v1/aftercare/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`;
export const agreementDocumentUrl = (agreementId: string, documentId: string) =>
  `/api/v1/aftercare/agreements/${encodeURIComponent(agreementId)}/documents/${encodeURIComponent(documentId)}`;

/** The carriers' annual reports the user may see (the Fachstelle: all, or one carrier's). */
export function useAnnualReports(carrierId: string) {
  return useQuery({
    queryKey: aftercareKeys.annualReports({ carrierId }),
    queryFn: ({ signal }) => ok(api.GET('/aftercare/annual-reports', { params: { query: { carrierId: carrierId || undefined } }, signal })),
  });
}

export function useAnnualReport(id: string) {
  return useQuery({
    queryKey: aftercareKeys.annualReport(id),
    queryFn: ({ signal }) => ok(api.GET('/aftercare/annual-reports/{id}', { params: { path: { id } }, signal })),
    enabled: !!id,
  });
}

/** A download of the annual report: a submitted version, or (none named) the current one / the draft's preview. */
export const annualReportExportUrl = (id: string, format: 'pdf' | 'xlsx', submission?: number) =>
  `/api/v1/aftercare/annual-reports/${encodeURIComponent(id)}/export?${new URLSearchParams({
    format,
    ...(submission ? { submission: String(submission) } : {}),
  }).toString()}`;

/** The quarter's figures as XLSX (`carrierId` empty: all carriers the user may see). */
export const quarterXlsxUrl = (p: { year: string; quarter: string; carrierId: string }) =>
  `/api/v1/aftercare/reports/quarter.xlsx?${new URLSearchParams({
    year: p.year,
    quarter: p.quarter,
    ...(p.carrierId ? { carrierId: p.carrierId } : {}),
  }).toString()}`;
