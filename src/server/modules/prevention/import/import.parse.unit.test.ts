import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.js';
import { decodeText, detectDelimiter, headerNames, parseUpload, TEXT_SLICE, type ParsedRow } from './import.parse.js';

async function read(content: Buffer, batchSize = 5000) {
  const rows: ParsedRow[] = [];
  const batches: number[] = [];
  const info = await parseUpload(
    content,
    async (b) => {
      batches.push(b.length);
      rows.push(...b);
    },
    batchSize,
  );
  return { info, rows, batches };
}

/** Windows-1252 bytes of a text that only uses Latin-1 letters (ä ö ü ß €-free). */
const cp1252 = (s: string) => Buffer.from(s, 'latin1');

describe('CSV', () => {
  it('reads a German Excel export: semicolons, UTF-8 BOM, quoted field with delimiter and newline', async () => {
    const csv =
      '\uFEFFName;Vorname;Straße;Mietrückstand\r\nMüller;Jürgen;"Hauptstraße 1; Hinterhaus";"1.234,56"\r\n\r\nÖzdemir;Ayşe;"Am Bach\r\n2";99\r\n';
    const { info, rows } = await read(Buffer.from(csv, 'utf8'));
    expect(info).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
      columns: ['Name', 'Vorname', 'Straße', 'Mietrückstand'],
      rows: 2,
    });
    expect(rows[0]).toEqual({ rowNo: 2, cells: ['Müller', 'Jürgen', 'Hauptstraße 1; Hinterhaus', '1.234,56'] });
    // The blank line counts as a line of the file: the second record starts on line 4 and ends on 5.
    expect(rows[1]!.cells).toEqual(['Özdemir', 'Ayşe', 'Am Bach\r\n2', '99']);
    expect(rows[1]!.rowNo).toBeGreaterThanOrEqual(4);
  });

  it('reads a text longer than one parser slice whole, a quoted field and an emoji across the slice ends', async () => {
    // The emoji's first half is the last character of the first slice (the BOM is not part of the text).
    const header = 'Name;Vorname;Notiz\n';
    const filler = Array.from({ length: 2000 }, (_, i) => `Zeile-${i};Anna;kurz\n`).join('');
    const pad = 'x'.repeat(TEXT_SLICE - header.length - filler.length - 'Emoji;Ben;'.length - 1);
    const csv = `${header}${filler}Emoji;Ben;${pad}😀 Ende\nQuote;Cleo;"über ${'y'.repeat(TEXT_SLICE)}\n zwei Zeilen"\nLetzte;Dana;fertig\n`;
    const { info, rows } = await read(Buffer.from(csv, 'utf8'));
    expect(info.rows).toBe(2003);
    expect(rows[2000]!.cells[2]).toBe(`${pad}😀 Ende`);
    expect(rows[2001]!.cells[2]).toBe(`über ${'y'.repeat(TEXT_SLICE)}\n zwei Zeilen`);
    expect(rows[2002]!.cells).toEqual(['Letzte', 'Dana', 'fertig']);
  });

  it('reads commas when the header is comma-separated', async () => {
    const { info, rows } = await read(Buffer.from('Nachname,Vorname,PLZ\nSchmidt,Anna,30159\nKlein,"Lutz, Dr.",10115\n'));
    expect(info.delimiter).toBe(',');
    expect(rows.map((r) => r.cells)).toEqual([
      ['Schmidt', 'Anna', '30159'],
      ['Klein', 'Lutz, Dr.', '10115'],
    ]);
  });

  it('decodes Windows-1252 umlauts (bytes that are not valid UTF-8)', async () => {
    const { info, rows } = await read(cp1252('Name;Straße;Ort\nGroß;Königstraße 5;Lüneburg\n'));
    expect(info.encoding).toBe('windows-1252');
    expect(info.columns).toEqual(['Name', 'Straße', 'Ort']);
    expect(rows[0]!.cells).toEqual(['Groß', 'Königstraße 5', 'Lüneburg']);
  });

  it('hands rows over in batches and keeps short rows (checked later)', async () => {
    const lines = ['A;B', ...Array.from({ length: 12 }, (_, i) => (i === 5 ? 'nur-eins' : `${i};x`))];
    const { info, rows, batches } = await read(Buffer.from(lines.join('\n')), 5);
    expect(info.rows).toBe(12);
    expect(batches).toEqual([5, 5, 2]);
    expect(rows[5]!.cells).toEqual(['nur-eins']);
    expect(rows[11]!.rowNo).toBe(13);
  });

  it('names blank and repeated headers', () => {
    expect(headerNames(['Name', '', 'Name', null])).toEqual(['Name', 'Spalte 2', 'Name (2)', 'Spalte 4']);
    expect(detectDelimiter('"a;b",c,d\n1;2;3;4;5')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(decodeText(Buffer.from('\uFEFFÄ', 'utf8'))).toEqual({ text: 'Ä', encoding: 'utf-8' });
  });

  it('refuses an empty file and the old XLS format', async () => {
    await expect(read(Buffer.alloc(0))).rejects.toBeInstanceOf(AppError);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(read(xls)).rejects.toThrow(/XLS/);
  });
});

describe('XLSX', () => {
  async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('Rückstände'));
    wb.addWorksheet('Zweites Blatt').addRow(['wird', 'ignoriert']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet: date cells as ISO dates, numbers as numbers, rich text and formulas as text/result', async () => {
    const content = await workbook((ws) => {
      ws.addRow(['Nachname', 'Vorname', 'Geburtsdatum', 'Mietrückstand', 'Zustellung', 'Bemerkung']);
      const r = ws.addRow([
        'Weiß',
        'Jörg',
        new Date(Date.UTC(1970, 0, 31)),
        1234.56,
        45992,
        { richText: [{ text: 'fett ' }, { text: 'und normal' }] },
      ]);
      r.getCell(3).numFmt = 'dd.mm.yyyy';
      ws.addRow([]);
      ws.addRow(['Lang', 'Eva', '01.02.1980', { formula: '100*2', result: 200 }, null, null]);
    });
    const { info, rows } = await read(content);
    expect(info).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, rows: 2 });
    expect(info.columns).toEqual(['Nachname', 'Vorname', 'Geburtsdatum', 'Mietrückstand', 'Zustellung', 'Bemerkung']);
    expect(rows[0]).toEqual({ rowNo: 2, cells: ['Weiß', 'Jörg', '1970-01-31', 1234.56, 45992, 'fett und normal'] });
    expect(rows[1]!.rowNo).toBe(4);
    expect(rows[1]!.cells.slice(0, 4)).toEqual(['Lang', 'Eva', '01.02.1980', 200]);
  });

  it('reports a broken XLSX as a validation error', async () => {
    await expect(read(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('kaputt')]))).rejects.toBeInstanceOf(AppError);
  });
});
