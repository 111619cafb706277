import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TDocumentTemplate, ZDocumentTemplateList } from '../../contracts/documents';
import { api, ok, ifMatch } from '../api';

export type TemplateSummary = z.infer<typeof ZDocumentTemplateList>['items'][number];
export type Template = TDocumentTemplate;

export const templateKeys = {
  all: ['document-templates'] as const,
  one: (kind: string) => ['document-templates', kind] as const,
};

export function useTemplates() {
  return useQuery({
    queryKey: templateKeys.all,
    queryFn: ({ signal }) => ok(api.GET('/document-templates', { signal })),
    select: (d) => d.items,
  });
}

export function useTemplate(kind: string) {
  return useQuery({
    queryKey: templateKeys.one(kind),
    queryFn: ({ signal }) => ok(api.GET('/document-templates/{kind}', { params: { path: { kind } }, signal })),
  });
}

export const saveTemplate = (kind: string, body: { title: string; body: string; version: number }) =>
  ok(api.PUT('/document-templates/{kind}', { params: { path: { kind } }, body, headers: ifMatch(body.version) }));

export const resetTemplate = (kind: string, version: number) =>
  ok(api.DELETE('/document-templates/{kind}', { params: { path: { kind } }, headers: ifMatch(version) }));

/** The PDF preview of a (possibly unsaved) draft. */
export const previewTemplate = (kind: string, draft: { title?: string; body?: string }) =>
  ok(api.POST('/document-templates/{kind}/preview', { params: { path: { kind } }, body: draft, parseAs: 'blob' }));
