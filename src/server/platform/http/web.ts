import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors/app-error.js';

/** Hashed build assets never change under their name: browsers keep them for a year without asking. */
const IMMUTABLE = { maxAge: 365 * 24 * 60 * 60 * 1000, immutable: true } as const;

/**
 * Serves the built UI: files under /assets with immutable caching (as the .br/.gz the build wrote
 * beside them, when the browser accepts one), every other path the SPA page, which is revalidated
 * on each load so a new release is picked up at once.
 */
export async function serveWebBuild(app: FastifyInstance, root: string): Promise<void> {
  // serve: false — only reply.sendFile; the one catch-all route below declares its access.
  await app.register(fastifyStatic, { root, serve: false, preCompressed: true });
  const indexHtml = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    if (req.url.startsWith('/api/')) throw new AppError('not_found');
    const file = path.join(root, decodeURIComponent(req.url.split('?')[0]!));
    if (file.startsWith(root + path.sep) && file !== path.join(root, 'index.html') && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const name = path.relative(root, file);
      return name.startsWith(`assets${path.sep}`) ? reply.sendFile(name, IMMUTABLE) : reply.sendFile(name, { maxAge: 0 });
    }
    // A missing build asset is a 404, never the SPA page (a stale tab would get HTML as script).
    if (req.url.startsWith('/assets/')) throw new AppError('not_found');
    return reply.type('text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(indexHtml);
  });
}
