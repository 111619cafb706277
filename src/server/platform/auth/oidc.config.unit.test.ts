import { describe, expect, it } from 'vitest';
import { mapClaims, oidcSettings } from './oidc.config.js';

const AGENCY = '5d0c2f4e-8b1a-4c3d-9e2f-1a2b3c4d5e6f';
const env = {
  OIDC_ISSUER: 'https://idp.example/realms/stadt',
  OIDC_CLIENT_ID: 'wohnhilfe',
  OIDC_CLIENT_SECRET: 'geheim',
  PUBLIC_URL: 'https://wohnhilfe.example/',
  OIDC_ROLE_CLAIM: 'realm_access.roles',
  OIDC_AGENCY_MAP: JSON.stringify({ 'amt-musterstadt': AGENCY }),
  OIDC_ROLE_MAP: JSON.stringify({ 'wh-leitung': 'lead', 'wh-sachbearbeitung': 'case_manager' }),
};

describe('OIDC configuration', () => {
  it('is off without an issuer and complete with one (URLs from PUBLIC_URL)', () => {
    expect(oidcSettings({})).toBeNull();
    expect(oidcSettings(env)).toMatchObject({
      redirectUrl: 'https://wohnhilfe.example/api/v1/auth/oidc/callback',
      postLogoutRedirectUrl: 'https://wohnhilfe.example/login',
      scope: 'openid email profile',
    });
  });

  it('refuses an incomplete or wrong configuration at start', () => {
    expect(() => oidcSettings({ OIDC_ISSUER: env.OIDC_ISSUER })).toThrow(/OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ROLE_MAP/);
    expect(() => oidcSettings({ ...env, OIDC_ROLE_MAP: '{"x":"provider_user"}' })).toThrow(/OIDC_ROLE_MAP/);
    expect(() => oidcSettings({ ...env, OIDC_AGENCY_MAP: '{"x":"keine-uuid"}' })).toThrow(/OIDC_AGENCY_MAP/);
    expect(() => oidcSettings({ ...env, OIDC_ROLE_MAP: 'kein json' })).toThrow(/kein JSON-Objekt/);
  });

  it('maps agency and role from (nested) claims, the first role of the map winning', () => {
    const s = oidcSettings(env)!;
    const claims = (roles: unknown, agency: unknown = 'amt-musterstadt') => ({ agency, realm_access: { roles } });
    expect(mapClaims(s, claims(['wh-sachbearbeitung', 'wh-leitung']))).toEqual({ agencyId: AGENCY, role: 'lead' });
    expect(mapClaims(s, claims('wh-sachbearbeitung'))).toEqual({ agencyId: AGENCY, role: 'case_manager' });
    expect(mapClaims(s, claims(['andere']))).toEqual({ refused: 'no_role' });
    expect(mapClaims(s, claims(['wh-leitung'], 'amt-anderswo'))).toEqual({ refused: 'unknown_agency', value: 'amt-anderswo' });
    expect(mapClaims(s, claims(['wh-leitung'], 42))).toEqual({ refused: 'unknown_agency' });
    // Without a map the claim is the agency id itself.
    const direct = oidcSettings({ ...env, OIDC_AGENCY_MAP: undefined })!;
    expect(mapClaims(direct, claims(['wh-leitung'], AGENCY))).toEqual({ agencyId: AGENCY, role: 'lead' });
    expect(mapClaims(direct, claims(['wh-leitung'], 'amt-musterstadt'))).toMatchObject({ refused: 'unknown_agency' });
  });
});
