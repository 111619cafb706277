import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../db/database.js';
import type { DB } from '../../db/types.js';
import { require as requirePermission } from '../access/access.js';
import type { Permission } from '../access/registry.js';
import { audit } from '../audit/audit.js';
import type { Ctx } from '../http/context.js';
import { actorTx } from '../http/tx.js';
import type { ExportLang, ListExportDefinition } from './columns.js';
import { renderExport, type ExportFile, type ExportFormat } from './render.js';

/*
 * List exports: the list's own query (same filters, same scope, through the module's service)
 * without paging but cut at EXPORT_ROW_LIMIT rows, audited once, written as CSV or XLSX.
 */

export const EXPORT_ROW_LIMIT = 10_000;

/** Query parameters every list export takes besides the list's own filters. */
export const ZExportParams = {
  format: z
    .enum(['csv', 'xlsx'])
    .default('csv')
    .describe('csv: UTF-8 mit BOM, Trennzeichen ";" (deutsches Excel); xlsx: Excel-Arbeitsmappe'),
  lang: z.enum(['de', 'en']).optional().describe('Sprache der Spaltenköpfe und Werte; ohne Angabe aus Accept-Language, sonst Deutsch'),
};

/** The language of an export: the `lang` parameter, else the first of de/en in Accept-Language (by q), else German. */
export function exportLang(param: ExportLang | undefined, acceptLanguage: string | undefined): ExportLang {
  if (param) return param;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.lang === 'de' || l.lang === 'en')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as ExportLang | undefined) ?? 'de';
}

/** Today in Berlin as YYYY-MM-DD (the file name's date). */
const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

export interface ExportRequest<Item> {
  def: ListExportDefinition<Item>;
  /** The list's permission: the export shows exactly what the list shows. */
  permission: Permission;
  format: ExportFormat;
  lang: ExportLang;
  /** The list filters as given, for the audit trail. */
  filters: Record<string, unknown>;
}

/**
 * Runs `read` (the list's query with page 1 and `limit` rows, in the actor's transaction), audits
 * the export once ("list.export": list, format, filters, row count) and writes the file.
 */
export async function exportList<Item>(
  db: Kysely<DB>,
  ctx: Ctx,
  req: ExportRequest<Item>,
  read: (tx: Tx, limit: number) => Promise<{ items: Item[]; total: number }>,
): Promise<ExportFile> {
  const { items, total } = await actorTx(db, ctx, async (tx) => {
    requirePermission(ctx.actor, req.permission);
    const page = await read(tx, EXPORT_ROW_LIMIT);
    const rows = page.items.slice(0, EXPORT_ROW_LIMIT);
    audit(tx, ctx, {
      action: 'list.export',
      details: { list: req.def.list, format: req.format, lang: req.lang, filters: req.filters, rows: rows.length, total: page.total },
    });
    return { items: rows, total: page.total };
  });
  return renderExport(req.format, req.def, { items, total, lang: req.lang, today: berlinToday() });
}
