import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ZIdParams } from '../../../contracts/common.js';
import {
  ZAssignmentReceipt,
  ZCancelInput,
  ZContactInput,
  ZIncident,
  ZIncidentListQuery,
  ZIncidentPage,
  ZInformProviderInput,
  ZPayoutInput,
  ZReasonsInput,
  ZRecheckUnpaidInput,
  ZSolveInput,
  ZStepNote,
  ZTerminateInput,
  ZWaitInput,
  ZWarningInput,
  type TIncident,
} from '../../../contracts/sustainment.js';
import type { Permission } from '../../platform/access/registry.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import type { Ctx } from '../../platform/http/context.js';
import type { IncidentService } from './incidents.service.js';
import type { IncidentStepService } from './incident-steps.service.js';
import { withEtag } from '../../platform/http/idempotency.js';
import { ZSubParams, incidentTags as tags } from './sustainment.schemas.js';

/** The queue of open incidents and one route per step of the two incident machines. */
export function incidentRoutes(app: FastifyInstance, incidents: IncidentService, steps: IncidentStepService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/incidents',
    {
      config: { access: 'incident.list' },
      schema: {
        tags,
        summary: 'Vorfälle (Warteschlange nach nächster Frist; Portal: nur eigene)',
        querystring: ZIncidentListQuery,
        response: { 200: ZIncidentPage },
      },
    },
    (req) => incidents.list(ctxOf(req), req.query),
  );

  r.get(
    '/api/v1/incidents/:id',
    {
      config: { access: 'incident.read' },
      schema: {
        tags,
        summary: 'Vorfall mit Schritten, Fristen und möglichen nächsten Schritten',
        params: ZIdParams,
        response: { 200: ZIncident },
      },
    },
    async (req, reply) => withEtag(reply, await incidents.get(ctxOf(req), req.params.id)),
  );

  r.get(
    '/api/v1/incidents/:id/documents/:subId',
    {
      config: { access: 'incident.read' },
      schema: { tags, summary: 'Abtretungserklärung als PDF', params: ZSubParams },
    },
    async (req, reply) => sendDocument(reply, await incidents.document(ctxOf(req), req.params.id, req.params.subId)),
  );

  const step = <B extends z.ZodTypeAny>(
    path: string,
    access: Permission,
    summary: string,
    body: B,
    run: (ctx: Ctx, id: string, b: z.output<B>) => Promise<TIncident>,
  ) =>
    r.post(
      `/api/v1/incidents/:id/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: ZIdParams, body, response: { 200: ZIncident } },
      },
      async (req, reply) => withEtag(reply, await run(ctxOf(req), req.params.id, req.body as z.output<B>)),
    );

  step('forward', 'incident.forward', 'Ansprechperson gibt die Meldung an die Sozialarbeit weiter', ZStepNote, steps.forward);
  step('reasons', 'incident.clarify', 'Mietausfall: Sozialarbeit hält die Gründe fest (intern)', ZReasonsInput, steps.recordReasons);
  step(
    'inform-provider',
    'incident.informProvider',
    'Ansprechperson informiert das Wohnungsunternehmen',
    ZInformProviderInput,
    steps.informProvider,
  );
  step('wait', 'incident.decide', 'Mietausfall: Unternehmen wartet ab (Wiedervorlage)', ZWaitInput, steps.wait);
  step('demand-payment', 'incident.decide', 'Mietausfall: Unternehmen verlangt sofortige Zahlung', ZStepNote, steps.demandPayment);
  step(
    'recheck-unpaid',
    'incident.decide',
    'Mietausfall: Wiedervorlage – Miete weiter unbezahlt (Klärung beginnt erneut)',
    ZRecheckUnpaidInput,
    steps.recheckUnpaid,
  );
  step('paid', 'incident.decide', 'Mietausfall: Miete bezahlt', ZStepNote, steps.markPaid);
  step(
    'payout',
    'incident.payout',
    'Garantieleistung auszahlen (höchstens die verbleibende Garantie); erzeugt die Abtretungserklärung',
    ZPayoutInput,
    steps.payout,
  );
  step(
    'assignment-receipt',
    'incident.payout',
    'Eingang der unterschriebenen Abtretungserklärung: Mietverhältnis gesichert',
    ZAssignmentReceipt,
    steps.confirmAssignment,
  );
  step('contacts', 'incident.clarify', 'Konfliktfall: Kontakt mit dem Haushalt dokumentieren', ZContactInput, steps.recordContact);
  step('warnings', 'incident.warning', 'Konfliktfall: Abmahnung erfassen', ZWarningInput, steps.warning);
  step('solve', 'incident.clarify', 'Konfliktfall: gelöst (Sozialarbeit informiert die Ansprechperson)', ZSolveInput, steps.solve);
  step('terminate', 'incident.terminate', 'Konfliktfall: Kündigung durch das Unternehmen erfassen', ZTerminateInput, steps.terminate);
  step('cancel', 'incident.cancel', 'Vorgang einstellen', ZCancelInput, steps.cancel);
}
