import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api';

export const deskKeys = {
  desk: ['desk'] as const,
  work: (userId: string | null) => ['desk', 'work', userId] as const,
};

/** The start page: one audited read of what waits for the user (every module's part in it). */
export function useDesk() {
  return useQuery({
    queryKey: deskKeys.desk,
    queryFn: ({ signal }) => ok(api.GET('/desk', { signal })),
  });
}

/** One person's open work (null: the unassigned work), for the hand-over dialog (lead). */
export function useWork(userId: string | null) {
  return useQuery({
    queryKey: deskKeys.work(userId),
    queryFn: ({ signal }) => ok(api.GET('/desk/work', { params: { query: userId ? { userId } : {} }, signal })),
  });
}
