import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Session } from './helpers.js';

/** A multipart/form-data body with one file field, as a browser sends it. */
export function multipart(filename: string, content: Buffer, contentType = 'text/csv'): { body: Buffer; contentType: string } {
  const boundary = `----wohnhilfe${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, content, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(app: FastifyInstance, s: Session, filename: string, content: Buffer, query = ''): Promise<LightMyRequestResponse> {
  const m = multipart(
    filename,
    content,
    filename.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
  );
  return app.inject({
    method: 'POST',
    url: `/api/v1/prevention/imports${query}`,
    payload: m.body,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': m.contentType },
  });
}

/** Polls the job's progress until it leaves the given states. */
export async function waitWhile(
  app: FastifyInstance,
  s: Session,
  id: string,
  states: string[],
  timeoutMs = 30_000,
): Promise<{ state: string; progress: { done: number; total: number }; report: Record<string, number> | null }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/prevention/imports/${id}/progress`, headers: { cookie: s.cookie } });
    const body = res.json();
    if (!states.includes(body.state)) return body;
    if (Date.now() > until) throw new Error(`import ${id} still ${body.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** An arrears list of a housing company as German Excel exports it (semicolons, CRLF). */
export function arrearsCsv(rows: string[][]): Buffer {
  const header = [
    'Mieternummer',
    'Name',
    'Vorname',
    'Geburtsdatum',
    'Straße',
    'PLZ',
    'Ort',
    'Mietrückstand',
    'Monatsmiete',
    'Zustellung der Klage',
  ];
  return Buffer.from(`\uFEFF${[header, ...rows].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8');
}
