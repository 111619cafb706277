import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgency, login, testApp, type Session } from './helpers.js';

let app: FastifyInstance;
let admin: Session;

beforeAll(async () => {
  app = await testApp();
  admin = await login(app, (await createAgency()).users.admin.email);
});
afterAll(() => app.close());

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS', url: string, payload?: string, type = 'application/json') =>
  app.inject({
    method,
    url,
    headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, ...(payload !== undefined ? { 'content-type': type } : {}) },
    ...(payload !== undefined ? { payload } : {}),
  });

const problem = (res: LightMyRequestResponse) => {
  expect(res.headers['content-type'], res.body.slice(0, 200)).toBe('application/problem+json; charset=utf-8');
  const body = res.json();
  expect(body.status).toBe(res.statusCode);
  expect(body.type).toBe(`https://wohnhilfe.de/problems/${String(body.code).replace(/_/g, '-')}`);
  expect(res.body).not.toMatch(/FST_ERR|stack/);
  return { status: res.statusCode, code: body.code };
};

describe('errors Fastify raises itself leave as problem+json', () => {
  it('an over-long path parameter on POST, PUT, DELETE and GET → 414', async () => {
    const long = 'a'.repeat(5000);
    for (const [method, url] of [
      ['POST', `/api/v1/households/${long}/journal`],
      ['PUT', `/api/v1/households/${long}`],
      ['DELETE', `/api/v1/document-templates/${long}`],
      ['GET', `/api/v1/households/${long}`],
    ] as const) {
      const res = await send(method, url, method === 'GET' || method === 'DELETE' ? undefined : '{}');
      expect(problem(res), `${method} ${url.slice(0, 40)}`).toEqual({ status: 414, code: 'uri_too_long' });
      expect(res.json().instance.length).toBeLessThanOrEqual(500);
    }
  });

  it('a malformed URL, malformed or empty JSON → 400; too large → 413; unsupported type → 415; unknown route or method → 404', async () => {
    expect(problem(await send('GET', '/api/v1/households/%E0%A4%A'))).toEqual({ status: 400, code: 'validation_failed' });
    expect(problem(await send('POST', '/api/v1/households', '{"members": ['))).toEqual({ status: 400, code: 'validation_failed' });
    expect(problem(await send('POST', '/api/v1/households', ''))).toEqual({ status: 400, code: 'validation_failed' });
    expect(problem(await send('POST', '/api/v1/households', JSON.stringify({ note: 'x'.repeat(1_100_000) })))).toEqual({
      status: 413,
      code: 'payload_too_large',
    });
    expect(problem(await send('POST', '/api/v1/households', '<household/>', 'text/xml'))).toEqual({
      status: 415,
      code: 'unsupported_media_type',
    });
    expect(problem(await send('POST', '/api/v1/households', 'a=b', 'text/plain'))).toEqual({ status: 415, code: 'unsupported_media_type' });
    expect(problem(await send('GET', '/api/v1/gibt-es-nicht'))).toEqual({ status: 404, code: 'not_found' });
    expect(problem(await send('PATCH', '/api/v1/households', '{}'))).toEqual({ status: 404, code: 'not_found' });
    expect(problem(await send('OPTIONS', '/api/v1/households'))).toEqual({ status: 404, code: 'not_found' });
  });

  it('a malformed multipart form (no boundary, cut off) → 400 at the field file, not 500', async () => {
    const cm = await login(app, (await createAgency()).users.case_manager.email);
    for (const [type, payload] of [
      ['multipart/form-data', ''],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'],
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/prevention/imports',
        headers: { cookie: cm.cookie, 'x-csrf-token': cm.csrf, 'content-type': type! },
        payload,
      });
      expect(problem(res), type).toEqual({ status: 400, code: 'validation_failed' });
      expect(res.json().errors[0].field).toBe('file');
    }
  });

  it('a request Node cannot even parse gets problem+json on the socket', async () => {
    const server = await testApp();
    try {
      await server.listen({ port: 0, host: '127.0.0.1' });
      const { port } = server.server.address() as AddressInfo;
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('NICHT HTTP\r\n\r\n'));
        let data = '';
        socket.on('data', (d) => (data += d.toString('utf8')));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
      expect(raw).toMatch(/^HTTP\/1\.1 400 /);
      expect(raw).toContain('Content-Type: application/problem+json');
      expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 400, code: 'validation_failed' });
    } finally {
      await server.close();
    }
  });
});
