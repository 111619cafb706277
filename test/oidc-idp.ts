import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider 9) on a local port, for the single sign-on tests.
 * Its login and consent pages are answered in code: the interaction logs in `nextLogin` (refused
 * with access_denied when that account is unknown or disabled) and grants what the client asked for.
 */
export interface IdpAccount {
  claims: Record<string, unknown>;
  amr?: string[];
  disabled?: boolean;
}

export const CLIENT_ID = 'wohnhilfe';
export const CLIENT_SECRET = 'ein-langes-test-geheimnis-fuer-den-client';

/** A free local port (closed again at once, then used by the caller). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function startIdp() {
  const accounts = new Map<string, IdpAccount>();
  const state = { nextLogin: '' };
  let handler: http.RequestListener = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Sets up the provider once the app's address (redirect and back-channel URLs) is known. */
  function configure(appOrigin: string) {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${appOrigin}/api/v1/auth/oidc/callback`],
          post_logout_redirect_uris: [`${appOrigin}/login`],
          backchannel_logout_uri: `${appOrigin}/api/v1/auth/oidc/backchannel-logout`,
          backchannel_logout_session_required: true,
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      claims: {
        acr: null,
        sid: null,
        auth_time: null,
        iss: null,
        openid: ['sub', 'amr'],
        email: ['email', 'email_verified'],
        profile: ['name', 'agency', 'roles'],
      },
      conformIdTokenClaims: false,
      // The app listens on 127.0.0.1: let the IdP post back-channel logouts there (its SSRF guard refuses local addresses).
      fetch: (url: string | URL | Request, options?: RequestInit) => {
        delete (options as { dispatcher?: unknown } | undefined)?.dispatcher;
        return fetch(url, options);
      },
      features: { devInteractions: { enabled: false }, backchannelLogout: { enabled: true }, rpInitiatedLogout: { enabled: true } },
      cookies: { keys: ['ein-schluessel-fuer-die-cookies-des-idp'] },
      interactions: { url: (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
      async findAccount(_ctx: KoaContextWithOIDC, sub: string) {
        const a = accounts.get(sub);
        if (!a || a.disabled) return undefined;
        return { accountId: sub, claims: () => ({ sub, ...a.claims }) };
      },
    });
    const callback = provider.callback();
    handler = (req, res) => {
      if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        let result: Record<string, unknown>;
        // Login for `nextLogin`; with a session, the session's account. Unknown or disabled: refused.
        const accountId = details.prompt.name === 'login' ? state.nextLogin : details.session!.accountId;
        const a = accounts.get(accountId);
        if (!a || a.disabled) {
          result = { error: 'access_denied', error_description: 'Das Konto ist gesperrt.' };
        } else if (details.prompt.name === 'login') {
          result = { login: { accountId, amr: a.amr ?? ['pwd'] } };
        } else {
          const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params['client_id']) });
          grant.addOIDCScope(String(details.params['scope']));
          result = { consent: { grantId: await grant.save() } };
        }
        await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
      })().catch((e: unknown) => res.writeHead(500).end(String(e)));
    };
    return provider;
  }

  return { issuer, accounts, state, configure, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The browser's cookies at the IdP (name → value; paths ignored, expired ones removed). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expires = attrs.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('expires='));
      if (!value || (expires && new Date(expires.slice(8)).getTime() < Date.now())) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  /** Follows the IdP's redirects (GET) until one leaves the IdP; returns that URL and the last response. */
  async follow(url: string, issuer: string, init: RequestInit = {}): Promise<{ url: string; res: Response }> {
    let res = await this.fetch(url, init);
    let next = url;
    for (let i = 0; i < 15; i++) {
      const location = res.headers.get('location');
      if (!location) return { url: next, res };
      next = new URL(location, next).href;
      if (!next.startsWith(issuer)) return { url: next, res };
      res = await this.fetch(next);
    }
    throw new Error('too many redirects at the IdP');
  }
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.header() },
    });
    this.store(res);
    return res;
  }
}
