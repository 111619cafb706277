import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OUTBOX_STATUSES } from '../../contracts/notify';
import { api, ok } from '../api';

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const notifyKeys = {
  /** Prefix of both: invalidating it refreshes the count and the list. */
  notifications: ['notifications'] as const,
  unreadCount: ['notifications', 'count'] as const,
  list: ['notifications', 'list'] as const,
  deadlines: (p: { scope: 'mine' | 'all'; overdue: boolean; page: number }) => ['deadlines', p] as const,
  outbox: (p: { status: OutboxStatus | null; page: number }) => ['outbox', 'list', p] as const,
  outboxMail: (id: string) => ['outbox', 'mail', id] as const,
};

const POLL_MS = 60_000;

/** The unread count for the bell, polled every minute (names nobody, so the server does not audit it). */
export function useUnreadCount() {
  return useQuery({
    queryKey: notifyKeys.unreadCount,
    queryFn: ({ signal }) => ok(api.GET('/notifications/count', { signal })),
    refetchInterval: POLL_MS,
    staleTime: 15_000,
  });
}

/** The newest notifications: loaded while the bell is open (an audited read), not polled. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notifyKeys.list,
    queryFn: ({ signal }) => ok(api.GET('/notifications', { params: { query: { pageSize: 20 } }, signal })),
    enabled,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => ok(api.POST('/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/notifications/read-all')),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKeys.notifications }),
  });
}

export function useDeadlines(p: { scope: 'mine' | 'all'; overdue: boolean; page: number }, pageSize = 50) {
  return useQuery({
    queryKey: notifyKeys.deadlines(p),
    queryFn: ({ signal }) =>
      ok(
        api.GET('/deadlines', {
          params: { query: { scope: p.scope, status: p.overdue ? 'overdue' : 'open', page: p.page, pageSize } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOutbox(p: { status: OutboxStatus | null; page: number }, pageSize = 50) {
  return useQuery({
    queryKey: notifyKeys.outbox(p),
    queryFn: ({ signal }) =>
      ok(api.GET('/outbox', { params: { query: { status: p.status ?? undefined, page: p.page, pageSize } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMail(id: string) {
  return useQuery({
    queryKey: notifyKeys.outboxMail(id),
    queryFn: ({ signal }) => ok(api.GET('/outbox/{id}', { params: { path: { id } }, signal })),
  });
}

/** Download URL of an outbox attachment (same-origin GET with the session cookie). */
export const attachmentUrl = (id: string, index: number) => `/api/v1/outbox/${encodeURIComponent(id)}/attachments/${index}`;
