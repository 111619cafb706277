import type { Kysely } from 'kysely';
import type { TProgrammeKind } from '../../../contracts/households.js';
import type { DB } from '../../db/types.js';
import { audit } from '../../platform/audit/audit.js';
import type { DeskContribution } from '../../platform/desk/desk.contribution.js';
import type { ExportLang } from '../../platform/export/columns.js';
import type { Ctx } from '../../platform/http/context.js';
import { actorTx } from '../../platform/http/tx.js';
import { agencyFacts } from '../agencies/agencies.service.js';
import { userContacts } from '../users/users.service.js';
import { fileTexts } from './file.labels.js';
import { householdFilePdf, type FileConsentRow, type FileProgramme, type HouseholdFile } from './file.pdf.js';
import { householdRepository } from './households.repository.js';
import { present, presentAccessLog, presentJournal, programmeEntries, visibleDetail } from './households.service.js';

/** The file holds the newest entries up to these limits (and says so when there are more). */
export const FILE_JOURNAL_LIMIT = 5_000;
export const FILE_ACCESS_LOG_LIMIT = 1_000;

/**
 * A household's whole file as PDF (file-keeping, Art. 15 DSGVO requests): master data and members,
 * needs, the programme overview, the journal, consents and the access log. Each part comes from its
 * owner as on the household page: the programme overview and the consents from each module's
 * contribution (its own permission and scope), the access log from the household's audit events.
 * One snapshot, one audit row ("household.file") for the whole file.
 */
export function householdFileService(db: Kysely<DB>, contributions: readonly DeskContribution[]) {
  return {
    async file(ctx: Ctx, id: string, lang: ExportLang) {
      const { t, ...labels } = fileTexts(lang);
      const data = await actorTx(db, ctx, async (tx): Promise<HouseholdFile> => {
        const repo = householdRepository(tx, ctx.actor.agencyId);
        const row = await visibleDetail(repo, ctx, id, 'household.file');
        const [parts, journalRows, journalTotal, accessRows, consentParts, agency, [me]] = await Promise.all([
          programmeEntries(tx, ctx.actor, id, contributions),
          repo.journal(id, 1, FILE_JOURNAL_LIMIT),
          repo.journalCount(id),
          repo.accessLog(id, FILE_ACCESS_LOG_LIMIT),
          Promise.all(contributions.map((c) => c.file?.consents?.(tx, ctx.actor, id) ?? Promise.resolve(undefined))),
          agencyFacts(tx, ctx.actor.agencyId),
          userContacts(tx, ctx.actor.agencyId, [ctx.actor.userId]),
        ]);
        const household = present(ctx, row);
        const stateLabel = (kind: TProgrammeKind, state: string) =>
          contributions.map((c) => c.file?.states[kind]?.[lang][state]).find(Boolean) ?? state;
        const programmes: FileProgramme[] = parts.flat().map((p) => ({
          kind: labels.programmeKind(p.kind),
          reference: p.reference,
          state: stateLabel(p.kind, p.state),
          address: p.address,
          rank: p.rank,
          from: p.from,
          until: p.until,
        }));
        const consents: FileConsentRow[] = [];
        const hidden: string[] = [];
        contributions.forEach((c, i) => {
          const items = consentParts[i];
          if (items === null) hidden.push(c.module);
          for (const k of items ?? []) {
            consents.push({
              ...k,
              purpose: c.file?.consentPurposes?.[lang][k.purpose] ?? k.purpose,
              form: c.file?.consentForms?.[lang][k.form] ?? k.form,
            });
          }
        });
        consents.sort((a, b) => (a.givenOn < b.givenOn ? 1 : a.givenOn > b.givenOn ? -1 : 0));
        audit(tx, ctx, {
          action: 'household.file',
          entityId: id,
          details: {
            lang,
            programmes: programmes.length,
            journal: journalRows.length,
            consents: consents.length,
            consentsHidden: hidden,
            accessLog: accessRows.length,
          },
        });
        const { letterhead } = agency.settings;
        return {
          lang,
          labels: { t, ...labels },
          letterhead: { agencyName: agency.name, address: letterhead.address ?? undefined, footer: letterhead.footer ?? undefined },
          generatedAt: new Date(),
          generatedBy: { name: me?.display_name ?? t.system, role: labels.role(ctx.actor.role) },
          household,
          programmes,
          journal: { items: journalRows.map(presentJournal), total: journalTotal },
          consents: { items: consents, hidden },
          accessLog: { items: presentAccessLog(accessRows), limit: FILE_ACCESS_LOG_LIMIT },
        };
      });
      // Laid out after the transaction: the connection is not held while the PDF is drawn.
      return {
        filename: `${lang === 'de' ? 'akte' : 'file'}-${data.household.reference}.pdf`,
        contentType: 'application/pdf',
        content: await householdFilePdf(data),
      };
    },
  };
}
export type HouseholdFileService = ReturnType<typeof householdFileService>;
