import type { Kysely } from 'kysely';
import type { TConsentLog, TTransferLog } from '../../../contracts/privacy.js';
import type { DB } from '../../db/types.js';
import * as access from '../../platform/access/access.js';
import { audit } from '../../platform/audit/audit.js';
import type { ExportLang } from '../../platform/export/columns.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import type { SubjectDataContribution } from '../../platform/privacy/subject.contribution.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { processingRecordsPdf } from './processing.pdf.js';

/** Rows in the DPO's logs at most (newest first; the page says so). */
export const DPO_LOG_LIMIT = 2_000;

/**
 * The data-protection officer's read-only views: every transfer of personal data to a recipient and
 * every consent of the agency (each module's own, through its contribution), and the records of
 * processing. Every read is audited.
 */
export function dpoService(db: Kysely<DB>, contributions: readonly SubjectDataContribution[]) {
  return {
    transfers(ctx: Ctx): Promise<TTransferLog> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'privacy.transfers');
        const parts = await Promise.all(contributions.map((c) => c.transfers?.(tx, null, DPO_LOG_LIMIT) ?? Promise.resolve([])));
        const items = parts
          .flat()
          .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
          .slice(0, DPO_LOG_LIMIT);
        audit(tx, ctx, { action: 'privacy.transfer_log', details: { count: items.length } });
        return { items, limit: DPO_LOG_LIMIT };
      });
    },

    consents(ctx: Ctx): Promise<TConsentLog> {
      return actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'privacy.consents');
        const parts = await Promise.all(contributions.map((c) => c.consents?.(tx, null, DPO_LOG_LIMIT) ?? Promise.resolve([])));
        const items = parts
          .flat()
          .sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : 0))
          .slice(0, DPO_LOG_LIMIT);
        audit(tx, ctx, { action: 'privacy.consent_log', details: { count: items.length } });
        return { items, limit: DPO_LOG_LIMIT };
      });
    },

    async processing(ctx: Ctx, lang: ExportLang) {
      const agency = await actorTx(db, ctx, async (tx) => {
        access.require(ctx.actor, 'privacy.processing');
        audit(tx, ctx, { action: 'privacy.processing_records', details: { lang } });
        return agencyFacts(tx, ctx.actor.agencyId);
      });
      const { letterhead } = agency.settings;
      return {
        filename: lang === 'de' ? 'verarbeitungsverzeichnis.pdf' : 'records-of-processing.pdf',
        contentType: 'application/pdf',
        content: await processingRecordsPdf(
          { agencyName: agency.name, address: letterhead.address ?? undefined, footer: letterhead.footer ?? undefined },
          lang,
        ),
      };
    },
  };
}
export type DpoService = ReturnType<typeof dpoService>;
