import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import { ZNotification, ZNotificationCount, ZNotificationPage, ZNotificationQuery } from '../../../contracts/notify.js';
import { ctxOf } from '../auth/guard.js';
import type { NotificationService } from './notify.service.js';

const tags = ['Benachrichtigungen'];

export function notificationRoutes(app: FastifyInstance, svc: NotificationService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'notification.list' },
      schema: {
        tags,
        summary: 'Eigene Benachrichtigungen, neueste zuerst, mit Zahl der ungelesenen',
        querystring: ZNotificationQuery,
        response: { 200: ZNotificationPage },
      },
    },
    (req) => svc.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/notifications/count',
    {
      config: { access: 'notification.list' },
      schema: {
        tags,
        summary: 'Zahl der ungelesenen eigenen Benachrichtigungen (zum Abfragen in Abständen)',
        response: { 200: ZNotificationCount },
      },
    },
    (req) => svc.count(ctxOf(req)),
  );

  r.post(
    '/api/v1/notifications/:id/read',
    {
      config: { access: 'notification.read' },
      schema: { tags, summary: 'Benachrichtigung als gelesen markieren', params: ZIdParams, response: { 200: ZNotification } },
    },
    (req) => svc.markRead(ctxOf(req), req.params.id),
  );

  r.post(
    '/api/v1/notifications/read-all',
    {
      config: { access: 'notification.read' },
      schema: {
        tags,
        summary: 'Alle eigenen Benachrichtigungen als gelesen markieren',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    (req) => svc.markAllRead(ctxOf(req)),
  );
}
