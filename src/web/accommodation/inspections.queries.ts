import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ZChecklist, ZInspectionDetail, ZInspectionList } from '../../contracts/accommodationInspections';
import { api, ok } from '../api';

export type InspectionList = z.infer<typeof ZInspectionList>;
export type InspectionDetail = z.infer<typeof ZInspectionDetail>;
export type Checklist = z.infer<typeof ZChecklist>;

/* Under ['accommodation', …] like the rest of the module: one invalidation refreshes them all. */
export const inspectionKeys = {
  list: (facilityId: string) => ['accommodation', 'inspections', facilityId] as const,
  one: (id: string) => ['accommodation', 'inspection', id] as const,
  checklist: ['accommodation', 'checklist'] as const,
};

export const useInspections = (facilityId: string) =>
  useQuery({
    queryKey: inspectionKeys.list(facilityId),
    queryFn: ({ signal }) => ok(api.GET('/accommodation/facilities/{id}/inspections', { params: { path: { id: facilityId } }, signal })),
  });

export const useInspection = (id: string) =>
  useQuery({
    queryKey: inspectionKeys.one(id),
    queryFn: ({ signal }) => ok(api.GET('/accommodation/inspections/{id}', { params: { path: { id } }, signal })),
  });

export const useChecklist = () =>
  useQuery({ queryKey: inspectionKeys.checklist, queryFn: ({ signal }) => ok(api.GET('/accommodation/checklist', { signal })) });

export const inspectionBase = (id: string) => `/api/v1/accommodation/inspections/${id}`;

/** Uploads one photo (multipart, field `file`) to an item's result. */
export function uploadInspectionPhoto(id: string, resultId: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  return ok(
    api.POST('/accommodation/inspections/{id}/items/{subId}/photos', {
      params: { path: { id, subId: resultId } },
      body: body as never,
      bodySerializer: (b: unknown) => b as FormData,
    }),
  );
}
