/**
 * The prevention list import at scale: a generated arrears list of a housing company (100,000 rows
 * by default, BENCH_IMPORT_ROWS) goes through upload → mapping/preview → confirm → done over HTTP,
 * as the UI does it. About 5 % of the rows are people the agency already knows (linked, not
 * duplicated), 1 % are faulty and 0.5 % repeat an earlier row. Optionally the same list as XLSX.
 */
import ExcelJS from 'exceljs';

export interface Person {
  firstName: string;
  lastName: string;
  birthDate: string | null;
}
interface Session {
  app: string;
  cookie: string;
  csrf: string;
}

const FIRST = [
  'Anna',
  'Ben',
  'Clara',
  'Deniz',
  'Elif',
  'Finn',
  'Greta',
  'Hakan',
  'Ida',
  'Jonas',
  'Katarzyna',
  'Lukas',
  'Mia',
  'Noah',
  'Olga',
  'Paul',
  'Rana',
  'Sven',
  'Tanja',
  'Yusuf',
];
const LAST = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Yılmaz',
  'Kowalski',
  'Nguyen',
  'Öztürk',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
];
const STREETS = [
  'Hauptstraße',
  'Lindenweg',
  'Bahnhofstr.',
  'Am Markt',
  'Königsworther Platz',
  'Schillerstraße',
  'Gartenweg',
  'Südring',
  'Eichendorffstraße',
  'Limmerstraße',
];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const euro = (cents: number) => `${Math.floor(cents / 100).toLocaleString('de-DE')},${pad(cents % 100)}`;

export const HEADER = [
  'Mieternummer',
  'Name',
  'Vorname',
  'Geburtsdatum',
  'Straße',
  'PLZ',
  'Ort',
  'Mietrückstand',
  'Monatsmiete',
  'Kündigung vom',
  'Zustellung der Klage',
];

/** Deterministic rows (strings as in a German export). */
export function generateRows(n: number, known: Person[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    if (i % 200 === 199) {
      rows.push([...rows[i - 50]!]);
      continue;
    } // 0.5 % repeat an earlier row
    const k = i % 20 === 7 && known.length ? known[((i / 20) % known.length) | 0] : null; // 5 % known people
    const first = k?.firstName ?? FIRST[i % FIRST.length]!;
    const last = k?.lastName ?? `${LAST[(i * 7) % LAST.length]}-${i}`;
    const birth = k?.birthDate ?? `${1950 + (i % 50)}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
    const rent = 40_000 + (i % 60) * 1_000;
    const served = i % 4 === 0 ? german(`2026-${pad(8 + (i % 3))}-${pad(1 + (i % 28))}`) : '';
    const row = [
      String(100_000 + i),
      last,
      first,
      german(birth),
      `${STREETS[i % STREETS.length]} ${1 + (i % 180)}`,
      String(30_159 + (i % 40)),
      'Hannover',
      euro(rent * (1 + (i % 3))),
      euro(rent),
      i % 3 === 0 ? german(`2026-${pad(7 + (i % 4))}-${pad(1 + (i % 28))}`) : '',
      served,
    ];
    if (i % 100 === 42) row[3] = '31.02.1980'; // 1 % faulty
    rows.push(row);
  }
  return rows;
}

export const toCsv = (rows: string[][]) => Buffer.from(`\uFEFF${[HEADER, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');

export async function toXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mietrückstände');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function call(s: Session, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const res = await fetch(`${s.app}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }),
      ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
      ...extra,
    },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

/** Upload → map → confirm → done; seconds per phase. `confirm: false` stops after the preview. */
export async function importRun(s: Session, name: string, file: Buffer, type: string, confirm = true) {
  const t0 = performance.now();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type }), name);
  const job = await call(s, 'POST', '/api/v1/prevention/imports', form);
  const upload = seconds(t0);
  const t1 = performance.now();
  const mapped = await call(s, 'PUT', `/api/v1/prevention/imports/${job.id}/mapping`, {
    columns: job.suggestedMapping,
    source: 'landlord',
  });
  const mapping = seconds(t1);
  let importing = 0;
  let report = null;
  if (confirm) {
    const t2 = performance.now();
    await call(s, 'POST', `/api/v1/prevention/imports/${job.id}/confirm`, {}, { 'idempotency-key': `bench-${job.id}` });
    for (;;) {
      const p = await call(s, 'GET', `/api/v1/prevention/imports/${job.id}/progress`);
      if (p.state === 'done') {
        report = p.report;
        break;
      }
      if (p.state !== 'importing') throw new Error(`Import ${p.state}: ${p.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    importing = seconds(t2);
  }
  return {
    name,
    rows: job.progress.total as number,
    bytes: file.length,
    counts: mapped.counts,
    report,
    seconds: { upload, mapping, importing, total: Math.round((upload + mapping + importing) * 100) / 100 },
  };
}
