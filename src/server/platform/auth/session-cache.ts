import pg from 'pg';

export const SESSION_CHANNEL = 'wohnhilfe_sessions';
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 20_000;

export interface CachedSession {
  session_id: string;
  agency_id: string;
  user_id: string;
  role: string;
  provider_id: string | null;
  carrier_id: string | null;
  active: boolean;
  csrf_token: string;
  mfa_verified: boolean;
  last_seen_at: Date;
  expires_at: Date;
  settings: unknown;
}

/**
 * Sessions read from the database, kept for at most a minute per instance. PostgreSQL triggers
 * announce every change to sessions, users and agencies on a channel this cache listens to, so a
 * logout or deactivation on any instance (or by the CLI) takes effect everywhere; changes made by this
 * instance are also evicted at once. Without a listening connection the cache stays empty and every
 * request asks the database, as it must.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: CachedSession; at: number }>();
  private listener: pg.Client | null = null;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private retrying = false;

  constructor(
    private readonly listenUrl: string | undefined,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  async start(): Promise<void> {
    if (!this.listenUrl || this.closed) return;
    const client = new pg.Client({ connectionString: this.listenUrl, application_name: 'wohnhilfe-session-events' });
    const lost = (e?: unknown) => {
      // Reported once per outage, not on every attempt to reconnect.
      if (e && (this.listening || !this.retrying)) this.onError(e);
      this.retrying = true;
      this.listening = false;
      this.entries.clear();
      this.listener = null;
      client.removeAllListeners();
      // The dead socket may still report an error while it closes: never an unhandled 'error' event.
      client.on('error', () => undefined);
      client.end().catch(() => undefined);
      if (!this.closed && !this.retry) {
        this.retry = setTimeout(() => {
          this.retry = null;
          void this.start();
        }, 1000);
        this.retry.unref();
      }
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => this.evictByEvent(n.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
      if (this.closed) {
        // Closed while connecting: nothing may keep this connection (and the process) alive.
        client.removeAllListeners().on('error', () => undefined);
        await client.end().catch(() => undefined);
        return;
      }
      this.listener = client;
      this.listening = true;
      this.retrying = false;
    } catch (e) {
      lost(e);
    }
  }

  /** Whether change events arrive (the cache is used only then). */
  get live(): boolean {
    return this.listening;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.listening = false;
    this.entries.clear();
    await this.listener?.end().catch(() => undefined);
  }

  get(id: string, now = Date.now()): CachedSession | undefined {
    if (!this.listening) return undefined;
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (now - e.at > MAX_AGE_MS) {
      this.entries.delete(id);
      return undefined;
    }
    return e.row;
  }

  set(row: CachedSession, now = Date.now()): void {
    if (!this.listening) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(row.session_id, { row, at: now });
  }

  evictSession(id: string): void {
    this.entries.delete(id);
  }

  /** `s:<session>`, `u:<user>` or `a:<agency>`, as sent by the triggers. */
  evictByEvent(payload: string): void {
    const [kind, id] = [payload.slice(0, 1), payload.slice(2)];
    if (kind === 's') return void this.entries.delete(id);
    for (const [key, { row }] of this.entries) {
      if ((kind === 'u' && row.user_id === id) || (kind === 'a' && row.agency_id === id)) this.entries.delete(key);
    }
  }
}
