import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import type { OidcSettings } from './oidc.config.js';

/** What the browser carries between our redirect to the IdP and its return (sealed in a cookie, see oidc-state.ts). */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

const BACKCHANNEL_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** Plain http only for an IdP on this machine (development, tests); everywhere else https. */
const local = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/**
 * The relying party (openid-client 6): discovery once per process (again after a failure), the
 * authorisation URL with state, nonce and PKCE (S256), the code exchange with all of openid-client's
 * checks (state, nonce, PKCE, ID token signature, issuer, audience, expiry), the IdP's logout URL and
 * the verification of back-channel logout tokens (jose against the IdP's published keys).
 */
export function oidcClient(s: OidcSettings) {
  const issuer = new URL(s.issuer);
  let configuration: Promise<oidc.Configuration> | null = null;
  let jwks: ReturnType<typeof createRemoteJWKSet> | null = null;

  function config(): Promise<oidc.Configuration> {
    configuration ??= oidc
      .discovery(
        issuer,
        s.clientId,
        undefined,
        oidc.ClientSecretBasic(s.clientSecret),
        local(issuer) ? { execute: [oidc.allowInsecureRequests] } : {},
      )
      .catch((e: unknown) => {
        configuration = null;
        throw e;
      });
    return configuration;
  }

  return {
    async authorizationUrl(): Promise<{ url: string; pending: PendingLogin }> {
      const c = await config();
      const pending = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
      const url = oidc.buildAuthorizationUrl(c, {
        redirect_uri: s.redirectUrl,
        scope: s.scope,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },

    /** Exchanges the code; throws when anything does not match what this browser started. */
    async finish(currentUrl: URL, pending: PendingLogin): Promise<Record<string, unknown>> {
      const c = await config();
      const tokens = await oidc.authorizationCodeGrant(c, currentUrl, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.verifier,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      return claims as Record<string, unknown>;
    },

    /** The IdP's logout URL (RP-initiated logout), or null when it publishes none. */
    async endSessionUrl(): Promise<string | null> {
      const c = await config();
      if (!c.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(c, { client_id: s.clientId, post_logout_redirect_uri: s.postLogoutRedirectUrl }).href;
    },

    /** A back-channel logout token (OpenID Connect Back-Channel Logout 1.0, section 2.6), or throws. */
    async verifyLogoutToken(token: string): Promise<{ sub: string | null; sid: string | null }> {
      const c = await config();
      const uri = c.serverMetadata().jwks_uri;
      if (!uri) throw new Error('IdP publishes no keys');
      jwks ??= createRemoteJWKSet(new URL(uri));
      const { payload } = await jwtVerify(token, jwks, { issuer: c.serverMetadata().issuer, audience: s.clientId, maxTokenAge: '5 min' });
      const events = payload['events'] as Record<string, unknown> | undefined;
      if (!events || typeof events[BACKCHANNEL_EVENT] !== 'object') throw new Error('not a logout token');
      if ('nonce' in payload) throw new Error('logout token with nonce');
      const sub = typeof payload.sub === 'string' ? payload.sub : null;
      const sid = typeof payload['sid'] === 'string' ? (payload['sid'] as string) : null;
      if (!sub && !sid) throw new Error('logout token names no subject and no session');
      return { sub, sid };
    },
  };
}
export type OidcClient = ReturnType<typeof oidcClient>;
