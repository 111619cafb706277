import fs from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { ensureWebBuild } from '../src/cli/commands.js';
import { client, createAgency, login, testConfig, testDbs, type TestAgency } from './helpers.js';

// The UI as the browser gets it: compressed, hashed assets cached for good, the page always revalidated.
describe('web delivery: compression and caching', () => {
  let app: FastifyInstance;
  let agency: TestAgency;
  let script: string;

  beforeAll(async () => {
    await ensureWebBuild();
    app = await buildApp({
      db: testDbs().app,
      config: testConfig(),
      serveWeb: true,
      logger: false,
      listenUrl: inject('appUrl'),
      workers: false,
    });
    await app.ready();
    agency = await createAgency();
    script = /src="(\/assets\/index-[^"]+\.js)"/.exec(fs.readFileSync(path.resolve('dist/web/index.html'), 'utf8'))![1]!;
  });
  afterAll(() => app.close());

  it('sends hashed assets brotli- or gzip-compressed from the build, cached as immutable', async () => {
    const plain = await app.inject({ url: script });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const br = await app.inject({ url: script, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);

    const gz = await app.inject({ url: script, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('revalidates the page itself on every load', async () => {
    for (const url of ['/', '/login', '/households/abc', '/index.html']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject({ url: '/assets/missing-0000.js' })).statusCode).toBe(404);
  });

  it('compresses API answers for clients that accept it', async () => {
    const s = await login(app, agency.users.admin.email);
    const res = await client(app, s).get('/api/v1/users?pageSize=100', { 'accept-encoding': 'gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(gunzipSync(res.rawPayload).toString('utf8'))).toHaveProperty('items');
  });
});
