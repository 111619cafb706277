import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  STAT_CSV_COLUMNS,
  ZStatisticsExportQuery,
  ZStatisticsOverview,
  ZStatisticsSubmit,
  ZStatisticsYearParams,
  ZStatisticsYearQuery,
} from '../../../contracts/accommodationStatistics.js';
import { ctxOf } from '../../platform/auth/guard.js';
import { sendDocument } from '../../platform/documents/documents.routes.js';
import { tags } from './accommodation.schemas.js';
import type { WoberichtService } from './wobericht.service.js';

const CSV_LAYOUT = STAT_CSV_COLUMNS.map(([name, text], i) => `${i + 1}. \`${name}\`: ${text}`).join('\n');

/** The federal statistics (WoBerichtsG): overview with the check, the export files, marking it submitted. */
export function woberichtRoutes(app: FastifyInstance, svc: WoberichtService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/accommodation/statistics';

  r.get(
    base,
    {
      config: { access: 'accommodation.statistics' },
      schema: {
        tags,
        summary: 'Bundesstatistik (WoBerichtsG): Stichtag, Frist, fehlende Merkmale, veröffentlichte Tabelle',
        querystring: ZStatisticsYearQuery,
        response: { 200: ZStatisticsOverview },
      },
    },
    (req) => svc.overview(ctxOf(req), req.query.year),
  );
  r.get(
    `${base}/:year/export`,
    {
      config: { access: 'accommodation.statistics' },
      schema: {
        tags,
        summary: 'Bundesstatistik: Datensätze je untergebrachter Person als CSV (oder XLSX mit Tabelle)',
        description:
          'Eine Zeile je Person, die in der Nacht vom 31.01. zum 01.02. untergebracht war. CSV: Trennzeichen `;`, UTF-8 mit BOM, ' +
          'Zeilenende CRLF, Datumsangaben JJJJ-MM-TT, Kopfzeile mit den Spaltennamen. Spalten:\n' +
          CSV_LAYOUT +
          '\nXLSX: Blatt „Datensätze“ (dieselben Spalten) und Blatt „Tabelle“ (Personen nach Geschlecht × Altersgruppe, ' +
          'Haushaltstyp, Art der Unterbringung; auf Vielfache von 5 gerundet, 0–4 als „< 5“).',
        params: ZStatisticsYearParams,
        querystring: ZStatisticsExportQuery,
      },
    },
    async (req, reply) => sendDocument(reply, await svc.export(ctxOf(req), req.params.year, req.query.format)),
  );
  r.post(
    `${base}/:year/submitted`,
    {
      config: { access: 'accommodation.statistics_submit' },
      schema: {
        tags,
        summary: 'Bundesstatistik als übermittelt vermerken (schließt die Frist)',
        params: ZStatisticsYearParams,
        body: ZStatisticsSubmit,
        response: { 200: ZStatisticsOverview },
      },
    },
    (req) => svc.submit(ctxOf(req), req.params.year, req.body.note ?? null),
  );
}
