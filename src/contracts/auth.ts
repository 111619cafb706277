import { z } from 'zod';
import { ZId, ZRole } from './common.js';
import { PERMISSION_NAMES } from './permissions.js';

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  password: z.string().min(1).max(500),
  totp: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('Sechsstelliger Code, wenn der zweite Faktor aktiv ist'),
});

export const ZMe = z.object({
  id: ZId,
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  agency: z.object({ id: ZId, name: z.string(), federalState: z.string() }),
  providerId: ZId.nullable(),
  carrierId: ZId.nullable(),
  totpEnabled: z.boolean(),
  totpRequired: z.boolean().describe('Die Behörde verlangt für diese Rolle einen zweiten Faktor'),
  csrfToken: z.string().describe('Im Header X-CSRF-Token bei jeder ändernden Anfrage mitsenden'),
  permissions: z.array(z.enum(PERMISSION_NAMES)).describe('Rechte des Benutzers, z. B. household.create'),
});
export type TMe = z.infer<typeof ZMe>;

export const ZLoginResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), me: ZMe }),
  z.object({ status: z.literal('totp_required') }),
  z.object({ status: z.literal('totp_enrolment_required'), me: ZMe }),
]);

/** Whether single sign-on (OpenID Connect) is configured: the login page then offers it. */
export const ZSsoStatus = z.object({ enabled: z.boolean() });
/** The answer of a logout that ended a single sign-on session: the browser continues to the IdP's logout. */
export const ZLogoutResponse = z.object({ endSessionUrl: z.string().url().describe('Abmeldung beim Identitätsanbieter fortsetzen') });

export const ZTotpEnrolStart = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const ZTotpEnrolConfirm = z.object({ code: z.string().regex(/^\d{6}$/) });

/** The user's own settings (own settings page). */
export const ZMySettings = z.object({
  mailDigest: z.boolean().describe('Tägliche Zusammenfassung per E-Mail: ungelesene Benachrichtigungen und heute fällige Fristen'),
});
export type TMySettings = z.infer<typeof ZMySettings>;
/** The own settings as a whole (PUT). */
export const ZMySettingsUpdate = z.strictObject({ mailDigest: z.boolean() });
