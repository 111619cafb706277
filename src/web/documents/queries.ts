import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TDocumentTemplate, ZDocumentTemplateList } from '../../contracts/documents';
import { api, request } from '../api';

export type TemplateSummary = z.infer<typeof ZDocumentTemplateList>['items'][number];
export type Template = TDocumentTemplate;

export const templateKeys = {
  all: ['document-templates'] as const,
  one: (kind: string) => ['document-templates', kind] as const,
};

export function useTemplates() {
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: ({ signal }) => api.get<z.infer<typeof ZDocumentTemplateList>>('/document-templates', undefined, signal),
    select: (d) => d.items,
  });
}

export function useTemplate(kind: string) {
  return useQuery({
    queryKey: templateKeys.one(kind),
    queryFn: ({ signal }) => api.get<Template>(`/document-templates/${encodeURIComponent(kind)}`, undefined, signal),
  });
}

export const saveTemplate = (kind: string, body: { title: string; body: string; version: number }) =>
  api.put<Template>(`/document-templates/${encodeURIComponent(kind)}`, body, body.version);

export const resetTemplate = (kind: string, version: number) => api.del<Template>(`/document-templates/${encodeURIComponent(kind)}`, version);

/** The PDF preview of a (possibly unsaved) draft. */
export const previewTemplate = (kind: string, draft: { title?: string; body?: string }) =>
  request<Blob>('POST', `/document-templates/${encodeURIComponent(kind)}/preview`, { body: draft, responseType: 'blob' });
