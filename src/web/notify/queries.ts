import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification, TNotificationPage, TDeadlinePage, TOutboxDetail, TOutboxPage, OUTBOX_STATUSES } from '../../contracts/notify';
import { api } from '../api';

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const notifyKeys = {
  notifications: ['notifications'] as const,
  deadlines: (p: { scope: 'mine' | 'all'; overdue: boolean; page: number }) => ['deadlines', p] as const,
  outbox: (p: { status: OutboxStatus | null; page: number }) => ['outbox', 'list', p] as const,
  outboxMail: (id: string) => ['outbox', 'mail', id] as const,
};

const POLL_MS = 60_000;

/** The newest notifications and the unread count; polled every minute for the bell. */
export function useNotifications() {
  return useQuery({
    queryKey: notifyKeys.notifications,
    queryFn: ({ signal }) => api.get<TNotificationPage>('/notifications', { pageSize: 20 }, signal),
    refetchInterval: POLL_MS,
    staleTime: 15_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TNotification>(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKeys.notifications }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notifyKeys.notifications }),
  });
}

export function useDeadlines(p: { scope: 'mine' | 'all'; overdue: boolean; page: number }, pageSize = 50) {
  return useQuery({
    queryKey: notifyKeys.deadlines(p),
    queryFn: ({ signal }) => api.get<TDeadlinePage>('/deadlines', { scope: p.scope, status: p.overdue ? 'overdue' : 'open', page: p.page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOutbox(p: { status: OutboxStatus | null; page: number }, pageSize = 50) {
  return useQuery({
    queryKey: notifyKeys.outbox(p),
    queryFn: ({ signal }) => api.get<TOutboxPage>('/outbox', { status: p.status, page: p.page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMail(id: string) {
  return useQuery({
    queryKey: notifyKeys.outboxMail(id),
    queryFn: ({ signal }) => api.get<TOutboxDetail>(`/outbox/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Download URL of an outbox attachment (same-origin GET with the session cookie). */
export const attachmentUrl = (id: string, index: number) => `/api/v1/outbox/${encodeURIComponent(id)}/attachments/${index}`;
