import path from 'node:path';
import { z } from 'zod';
import { OIDC_ENV, oidcSettings, type OidcSettings } from './platform/auth/oidc.config.js';

const bool = (def: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(def)
    .transform((v) => v === 'true' || v === '1');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_APP_URL: z.string().url().optional(),
  DATABASE_APP_PASSWORD: z.string().min(8).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** App processes sharing the port (each a stateless instance with its own pool of DATABASE_POOL_SIZE). */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  PG_DATA_DIR: z.string().default('./data/postgres'),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /**
   * Keys outside the database (audit chain HMAC, TOTP secret encryption): `id:secret` entries,
   * comma-separated, the first one current, the others only to verify and decrypt. Unset: the key file.
   */
  AUDIT_KEY: z.string().min(1).optional(),
  /** Where the key file is (created at first start, mode 0600). Unset: `wohnhilfe.keys` beside PG_DATA_DIR. */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().min(1).max(72).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MAX_MINUTES: z.coerce.number().int().min(1).max(60).default(15),
  /** Failed logins from one address over all accounts before the address is throttled. */
  LOGIN_MAX_PER_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Failed logins to one account over all addresses before addresses it was never used from are throttled. */
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Failures older than this (since the last one) are forgotten. */
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  DEMO_SEED: bool('true'),
  /** `async`: a transaction that only read commits its audit rows without waiting for the disk flush. */
  /** e.g. smtp://user:pass@host:587 (smtps:// for implicit TLS); without it mails are only captured. */
  SMTP_URL: z
    .string()
    .url()
    .refine((u) => /^smtps?:\/\//.test(u), 'smtp:// oder smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('wohnhilfe <no-reply@wohnhilfe.local>'),
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(2000),
  /**
   * How old the materialised key figures of a period still running may be before a request computes
   * them anew (a closed period: 24 times as long); 0 computes on every request.
   */
  STEERING_MAX_AGE_MINUTES: z.coerce.number().int().min(0).max(1440).default(120),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...OIDC_ENV,
});

export type Config = Readonly<z.infer<typeof ZEnv> & { pgDataDir: string; keyFile: string; oidc: OidcSettings | null }>;

/** Reads and validates the environment once, into a frozen object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Ungültige Konfiguration (Umgebungsvariablen):\n${lines.join('\n')}`);
  }
  const pgDataDir = path.resolve(parsed.data.PG_DATA_DIR);
  const keyFile = path.resolve(parsed.data.AUDIT_KEY_FILE ?? path.join(path.dirname(pgDataDir), 'wohnhilfe.keys'));
  const oidc = oidcSettings(parsed.data);
  return Object.freeze({ ...parsed.data, pgDataDir, keyFile, oidc });
}
