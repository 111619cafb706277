import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TImportJob, TImportRow, TImportState } from '../../contracts/preventionImport';
import { API_BASE, ApiError, NetworkError, api, type Problem, ok, idempotent, ifMatch, type ApiBody } from '../api';

export type ImportJob = TImportJob;
export type ImportRow = TImportRow;
export type RowFilter = 'all' | 'valid' | 'invalid' | 'matched' | 'possible' | 'duplicates';
export interface ImportProgress {
  id: string;
  state: TImportState;
  progress: { done: number; total: number };
  counts: TImportJob['counts'];
  report: TImportJob['report'];
  error: string | null;
  version: number;
}
export interface RecentImport {
  id: string;
  filename: string;
  state: TImportState;
  totalRows: number;
  createdAt: string;
}

export const MAX_BYTES = 50 * 1024 * 1024;
const base = '/prevention/imports';

export const importKeys = {
  all: ['prevention-imports'] as const,
  recent: ['prevention-imports', 'recent'] as const,
  job: (id: string) => ['prevention-imports', id] as const,
  progress: (id: string) => ['prevention-imports', id, 'progress'] as const,
  rows: (id: string, filter: RowFilter, page: number) => ['prevention-imports', id, 'rows', filter, page] as const,
};

/**
 * Uploads the file with XMLHttpRequest (fetch reports no upload progress). `id` is the job id the
 * client chose, so the reading progress can be polled while the request is still running.
 */
export function uploadList(
  file: File,
  id: string,
  csrfToken: string,
  onProgress: (loaded: number, total: number) => void,
): Promise<ImportJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${base}?id=${encodeURIComponent(id)}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new NetworkError());
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as ImportJob);
      const p = (data && typeof data === 'object' ? data : {}) as Partial<Problem>;
      reject(
        new ApiError(xhr.status, {
          type: p.type ?? 'about:blank',
          title: p.title ?? xhr.statusText,
          status: xhr.status,
          code: p.code ?? 'internal',
          ...p,
        } as Problem),
      );
    };
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

export function useImportJob(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/prevention/imports/{id}', { params: { path: { id: id! } }, signal })),
    enabled: !!id,
  });
}

/** Polls state and progress every second while `active` (reading or importing). */
export function useImportProgress(id: string | undefined, active: boolean) {
  return useQuery({
    queryKey: importKeys.progress(id ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/prevention/imports/{id}/progress', { params: { path: { id: id! } }, signal })),
    enabled: !!id && active,
    refetchInterval: active ? 1000 : false,
    retry: (count, err) => err instanceof ApiError && err.status === 404 && count < 30, // the job appears once the upload reached the server
    retryDelay: 500,
  });
}

export function useImportRows(id: string, filter: RowFilter, page: number, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.rows(id, filter, page),
    queryFn: ({ signal }) =>
      ok(api.GET('/prevention/imports/{id}/rows', { params: { path: { id }, query: { filter, page, pageSize: 25 } }, signal })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useRecentImports() {
  return useQuery({
    queryKey: importKeys.recent,
    queryFn: ({ signal }) => ok(api.GET('/prevention/imports', { signal })),
    select: (d) => d.items,
  });
}

export const saveMapping = (id: string, body: ApiBody<'/prevention/imports/{id}/mapping', 'put'>) =>
  ok(api.PUT('/prevention/imports/{id}/mapping', { params: { path: { id } }, body, headers: ifMatch(body.version) }));

/** A person's decision on a row's possible match (same address only): link to that household, or a new one. */
export const decideRow = (id: string, rowNo: number, decision: 'link' | 'new') =>
  ok(api.PUT('/prevention/imports/{id}/rows/{rowNo}/household', { params: { path: { id, rowNo } }, body: { decision } }));

export const confirmImport = (id: string, idempotencyKey: string) =>
  ok(api.POST('/prevention/imports/{id}/confirm', { params: { path: { id } }, headers: idempotent(idempotencyKey) }));

export const reportUrl = (id: string) => `${API_BASE}${base}/${encodeURIComponent(id)}/report.csv`;
