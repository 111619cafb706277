import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { testDbs } from './helpers.js';

/** A CSV export read back as German Excel reads it: checks the BOM and `;`, returns header and rows. */
export function readCsv(res: LightMyRequestResponse): { header: string[]; rows: string[][] } {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const bytes = res.rawPayload;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toContain(';');
  const records = parse(bytes, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** An XLSX export read back with exceljs: the first sheet's header and rows (cell values). */
export async function readXlsx(res: LightMyRequestResponse): Promise<{ header: unknown[]; rows: unknown[][] }> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return readWorkbook(res.rawPayload);
}

export async function readWorkbook(buf: Buffer): Promise<{ header: unknown[]; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const values: unknown[][] = [];
  ws.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
  const [header = [], ...rows] = values;
  return { header, rows };
}

/** The file name of an attachment response. */
export const attachmentName = (res: LightMyRequestResponse) => /filename="([^"]+)"/.exec(String(res.headers['content-disposition']))?.[1];

/** The export audit events of an actor, newest first. */
export const exportEvents = (agencyId: string, actorId: string) =>
  testDbs()
    .owner.selectFrom('audit_events')
    .select(['action', 'details'])
    .where('agency_id', '=', agencyId)
    .where('actor_id', '=', actorId)
    .where('action', '=', 'list.export')
    .orderBy('id', 'desc')
    .execute();
