import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.js';
import { migrations } from '../../db/migrations/index.js';
import { AppError } from '../errors/app-error.js';
import { appliedMigrationCount } from './health.repository.js';

/** How long a readiness probe waits for the database before it answers 503. */
const READY_TIMEOUT_MS = 2000;
const RETRY_AFTER_SECONDS = 5;

const unavailable = (detail: string) => new AppError('unavailable', detail, { retryAfterSeconds: RETRY_AFTER_SECONDS });

/**
 * Probes for load balancers and orchestrators: public, no session, no client data, not audited.
 * `/health/live` answers while the process runs; `/health/ready` when the database answers and has
 * every migration this version knows (otherwise 503 problem+json with Retry-After).
 */
export function healthRoutes(app: FastifyInstance, db: Kysely<DB>): void {
  const known = Object.keys(migrations);
  const probe = { config: { access: 'public' as const }, schema: { hide: true } };

  app.get('/health/live', probe, async (_req, reply) => reply.header('Cache-Control', 'no-store').send({ status: 'live' }));

  app.get('/health/ready', probe, async (_req, reply) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(unavailable('Die Datenbank antwortet nicht.')), READY_TIMEOUT_MS);
    });
    let applied: number;
    try {
      applied = await Promise.race([appliedMigrationCount(db, known), timeout]);
    } catch (e) {
      throw e instanceof AppError ? e : unavailable('Die Datenbank ist nicht erreichbar.');
    } finally {
      clearTimeout(timer);
    }
    if (applied < known.length)
      throw unavailable(
        `Die Datenbank ist nicht migriert (${known.length - applied} Migration(en) ausstehend): "wohnhilfe migrate" ausführen.`,
      );
    return reply.header('Cache-Control', 'no-store').send({ status: 'ready' });
  });
}
