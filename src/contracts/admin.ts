import { z } from 'zod';
import { ZFederalState, ZId, ZRole, ZTimestamp, ZPage, ROLES, ZExpectedVersion } from './common.js';
import { ZMoney } from './plausible.js';
import { ZAftercareSettings } from './aftercare.js';
import { ZRetentionSettings } from './retention.js';

/** The contact procedure every agency starts with; an agency may rename, add or remove steps. */
export const DEFAULT_CONTACT_STEPS: readonly { channel: 'letter' | 'phone' | 'home_visit'; dayOffset: number; label: string }[] = [
  { channel: 'letter', dayOffset: 0, label: 'Anschreiben mit Terminangebot' },
  { channel: 'phone', dayOffset: 1, label: 'Telefonischer Kontaktversuch' },
  { channel: 'home_visit', dayOffset: 3, label: 'Unangekündigter Hausbesuch' },
  { channel: 'home_visit', dayOffset: 7, label: 'Zweiter Hausbesuch' },
];

/**
 * A contact step's label as a text code: `s0`…`s3` for an unchanged default step (the web has its
 * texts in every language, `prevention.contact.stepLabel.<code>`), `custom` for the agency's own
 * label (shown as typed).
 */
export function contactStepCode(step: { channel: string; label: string }): string {
  const i = DEFAULT_CONTACT_STEPS.findIndex((d) => d.channel === step.channel && d.label === step.label.trim());
  return i >= 0 ? `s${i}` : 'custom';
}

export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  providerId: ZId.nullable(),
  carrierId: ZId.nullable(),
  carrierLead: z.boolean().describe('Leitung beim freien Träger: sieht alle Nachsorgefälle des Trägers'),
  operatorId: ZId.nullable().describe('Betreiber einer Unterkunft (nur Rolle operator_user)'),
  active: z.boolean(),
  totpEnabled: z.boolean(),
  lastLoginAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export const ZUserList = z.object({ items: z.array(ZUser) });
export const ZUserQuery = z.object({
  search: z.string().trim().max(100).optional().describe('Teil des Namens oder der E-Mail-Adresse (ohne Groß-/Kleinschreibung)'),
});

export const ZPassword = z.string().min(12, 'Mindestens 12 Zeichen').max(200);

/**
 * The roles an agency's admin gives: a steering body's users (`steering`) are created by the platform
 * (CLI). Operator users (`operator_user`) are bound to one accommodation operator of the agency.
 */
export const ZAgencyRole = ZRole.exclude(['steering']);
const ZOperatorLink = ZId.nullable()
  .optional()
  .describe('Nur für Betreiber-Konten (operator_user): der Betreiber der Unterkunft; Pflicht für diese Rolle, sonst leer');

/** The agency's accommodation operators for the picker of operator users (names only). */
export const ZOperatorChoices = z.object({ items: z.array(z.object({ id: ZId, name: z.string() })) });

export const ZUserCreate = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  displayName: z.string().trim().min(1).max(120),
  role: ZAgencyRole,
  providerId: ZId.nullable().optional(),
  carrierId: ZId.nullable().optional(),
  carrierLead: z.boolean().optional().describe('Nur für freie Träger: Leitung (sieht alle Nachsorgefälle des Trägers)'),
  operatorId: ZOperatorLink,
  password: ZPassword,
});
export const ZUserUpdate = z.object({
  displayName: z.string().trim().min(1).max(120),
  role: ZAgencyRole,
  providerId: ZId.nullable().optional(),
  carrierId: ZId.nullable().optional(),
  carrierLead: z.boolean().optional().describe('Nur für freie Träger: Leitung (sieht alle Nachsorgefälle des Trägers)'),
  operatorId: ZOperatorLink,
  active: z.boolean(),
  version: ZExpectedVersion,
});
export const ZPasswordReset = z.object({ password: ZPassword });

/** Placement (WohnenPlus) settings of an agency; every field has a default, so old settings stay valid. */
export const ZPlacementSettings = z.object({
  checkWorkingDays: z.number().int().min(1).max(20).default(2).describe('Frist für die Prüfung eines eingereichten Angebots (Arbeitstage)'),
  roundTableWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(5)
    .describe('Frist, bis der runde Tisch nach Annahme des Angebots geplant ist (Arbeitstage)'),
  decisionWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('Entscheidungsfrist des Haushalts nach der Besichtigung (Arbeitstage)'),
  followUpWorkingDays: z.number().int().min(1).max(20).default(2).describe('Frist für das Nachgespräch nach einer Absage (Arbeitstage)'),
  leaseWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .default(10)
    .describe('Frist bis zum Abschluss der Verträge nach der Vergabe (Arbeitstage)'),
  videoUrlTemplate: z
    .string()
    .trim()
    .max(300)
    .default('https://video.example/wohnenplus-{offer}-{token}')
    .describe('Link zur Videokonferenz; Platzhalter {offer}, {token}, {date}'),
  guaranteeYears: z.number().int().min(1).max(10).default(5),
  guaranteeMaxCents: ZMoney('Höchstbetrag der Garantie').default(1_000_000),
  guaranteeItems: z
    .array(z.enum(['rent_arrears', 'service_charge_arrears', 'damage', 'clearance', 'legal_costs']))
    .default(['rent_arrears', 'service_charge_arrears', 'damage']),
  weights: z
    .object({
      waiting: z.number().min(0).max(100).default(40),
      children: z.number().min(0).max(100).default(20),
      health: z.number().min(0).max(100).default(15),
      age: z.number().min(0).max(100).default(10),
      district: z.number().min(0).max(100).default(10),
      hints: z.number().min(0).max(100).default(5),
    })
    .prefault({})
    .describe('Gewichte der Rangfolge (Punkte)'),
});
export type TPlacementSettings = z.infer<typeof ZPlacementSettings>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM');
/** Prevention settings of an agency; every field has a default, so old settings stay valid. */
export const ZPreventionSettings = z.object({
  walkInHours: z
    .array(z.object({ weekday: z.number().int().min(1).max(7).describe('1 = Montag … 7 = Sonntag'), from: hhmm, to: hhmm }))
    .max(21)
    .default([
      { weekday: 1, from: '08:30', to: '11:00' },
      { weekday: 2, from: '08:30', to: '11:00' },
      { weekday: 4, from: '08:30', to: '11:00' },
    ])
    .describe('Offene Sprechstunde'),
  contactSteps: z
    .array(
      z.object({
        channel: z.enum(['letter', 'phone', 'home_visit', 'email', 'office', 'other']),
        dayOffset: z.number().int().min(0).max(60).describe('Arbeitstage nach Eingang der Mitteilung'),
        label: z.string().trim().min(1).max(80),
      }),
    )
    .min(1)
    .max(10)
    .default(DEFAULT_CONTACT_STEPS.map((s) => ({ ...s })))
    .describe('Standardisiertes Kontaktverfahren: Schritte in Reihenfolge'),
  cureReminderDays: z.number().int().min(1).max(60).default(14).describe('Erinnerung vor Ende der Schonfrist (Kalendertage)'),
  hearingReminderDays: z.number().int().min(1).max(30).default(3).describe('Erinnerung vor dem Verhandlungstermin (Kalendertage)'),
  evictionReminderDays: z.number().int().min(1).max(60).default(7).describe('Erinnerung vor dem Räumungstermin (Kalendertage)'),
  defenceReminderDays: z.number().int().min(1).max(14).default(3).describe('Erinnerung vor Ende der Verteidigungsfrist (Kalendertage)'),
  appointmentPlace: z.string().trim().max(200).default('').describe('Ort des im Anschreiben angebotenen Termins'),
  contactStandardWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('Standard: erster Kontaktversuch spätestens so viele Arbeitstage nach Eingang der Mitteilung (Kennzahl)'),
  appointmentWorkingDays: z.number().int().min(1).max(20).default(3).describe('Termin im Anschreiben: Arbeitstage nach dem Anschreiben'),
});
export type TPreventionSettings = z.infer<typeof ZPreventionSettings>;
/** Sustainment (five guarantee years) settings; every field has a default, so old settings stay valid. */
export const ZSustainmentSettings = z.object({
  forwardWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(1)
    .describe('Frist der Ansprechperson, eine neue Meldung an die Sozialarbeit weiterzugeben (Arbeitstage)'),
  clarifyWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(30)
    .default(5)
    .describe('Mietausfall: Frist der Sozialarbeit, die Gründe mit dem Haushalt zu klären (Arbeitstage)'),
  informProviderWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(2)
    .describe('Frist der Ansprechperson, das Wohnungsunternehmen zu informieren (Arbeitstage)'),
  payoutWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(2)
    .describe('Mietausfall: Frist für die Garantieleistung, nachdem das Unternehmen Zahlung verlangt (Arbeitstage)'),
  assignmentWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(60)
    .default(10)
    .describe('Mietausfall: Frist für den Eingang der unterschriebenen Abtretungserklärung (Arbeitstage)'),
  conflictContactWorkingDays: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(2)
    .describe('Konfliktfall: Frist der Sozialarbeit für den ersten Kontakt mit dem Haushalt (Arbeitstage)'),
  guaranteeReminderMonths: z
    .array(z.number().int().min(1).max(24))
    .max(6)
    .default([6, 1])
    .describe('Erinnerungen vor dem Garantieende (Monate vorher)'),
});
export type TSustainmentSettings = z.infer<typeof ZSustainmentSettings>;

/** Accommodation billing to the day: which of the day of arrival and the day of departure is a billed night. */
export const ZAccommodationBillingSettings = z.object({
  billArrivalDay: z.boolean().default(true).describe('Unterbringung: der Tag der Ankunft wird abgerechnet'),
  billDepartureDay: z.boolean().default(false).describe('Unterbringung: der Tag der Abreise wird abgerechnet'),
});
export type TAccommodationBillingSettings = z.infer<typeof ZAccommodationBillingSettings>;

export const ZAgencySettings = z.object({
  totpRequiredRoles: z.array(ZRole).describe('Rollen, die einen zweiten Faktor (TOTP) nutzen müssen'),
  sessionIdleMinutes: z.number().int().min(5).max(240),
  localLogin: z
    .boolean()
    .default(true)
    .describe('Anmeldung mit Passwort (lokale Konten) erlaubt; aus: nur über das Dienstkonto (Single Sign-on)'),
  districts: z.array(z.string().trim().min(1).max(80)).max(200).describe('Stadtbezirke der Kommune'),
  placement: ZPlacementSettings.prefault({}),
  prevention: ZPreventionSettings.prefault({}),
  sustainment: ZSustainmentSettings.prefault({}),
  aftercare: ZAftercareSettings.prefault({}),
  retention: ZRetentionSettings.prefault({}),
  accommodationBilling: ZAccommodationBillingSettings.prefault({}),
  letterhead: z
    .object({
      address: z.string().trim().max(300).default('').describe('Anschrift der Dienststelle für Briefköpfe (mehrzeilig)'),
      city: z.string().trim().max(100).default('').describe('Ort für „Ort, den Datum“'),
      footer: z.string().trim().max(300).default('').describe('Fußzeile, z. B. Sprechzeiten und Bankverbindung'),
    })
    .prefault({})
    .describe('Briefkopf der erzeugten Schreiben und Verträge'),
});
export const DEFAULT_AGENCY_SETTINGS: z.infer<typeof ZAgencySettings> = {
  totpRequiredRoles: ['admin', 'auditor'],
  sessionIdleMinutes: 30,
  localLogin: true,
  districts: [],
  placement: ZPlacementSettings.parse({}),
  prevention: ZPreventionSettings.parse({}),
  sustainment: ZSustainmentSettings.parse({}),
  aftercare: ZAftercareSettings.parse({}),
  retention: ZRetentionSettings.parse({}),
  accommodationBilling: ZAccommodationBillingSettings.parse({}),
  letterhead: { address: '', city: '', footer: '' },
};
export const ZAgency = z.object({
  id: ZId,
  name: z.string(),
  ags: z.string().describe('Amtlicher Gemeindeschlüssel'),
  federalState: ZFederalState,
  settings: ZAgencySettings,
  version: z.number().int(),
});
export const ZAgencySettingsUpdate = z.object({ settings: ZAgencySettings, version: ZExpectedVersion });

export const ZOrg = z.object({
  id: ZId,
  name: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  version: z.number().int(),
});
export const ZOrgInput = z.object({
  name: z.string().trim().min(1).max(200),
  contactName: z.string().trim().max(120).nullable().optional(),
  email: z.string().trim().toLowerCase().email().max(200).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
  street: z.string().trim().max(200).nullable().optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'Fünfstellige Postleitzahl')
    .nullable()
    .optional(),
  city: z.string().trim().max(100).nullable().optional(),
});
export const ZOrgUpdate = ZOrgInput.extend({ version: ZExpectedVersion });
export const ZOrgList = z.object({ items: z.array(ZOrg) });

export const ZAuditEvent = z.object({
  id: z.number().int().describe('Laufende Nummer des Eintrags'),
  seq: z.number().int().nullable().describe('Position in der Hash-Kette; null, solange noch nicht versiegelt'),
  occurredAt: ZTimestamp,
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  entityName: z
    .string()
    .nullable()
    .describe('Name des Benutzerkontos oder des Datensatzes (Aktenzeichen und Name), soweit der Abrufende den Datensatz sehen darf'),
  entityLink: z.string().nullable().describe('Pfad zum Datensatz in der Oberfläche, soweit der Abrufende ihn öffnen darf'),
  purpose: z.string().nullable(),
  outcome: z.enum(['success', 'denied', 'failure']),
  ip: z.string().nullable(),
  hash: z.string().nullable(),
});
export const ZAuditPage = ZPage(ZAuditEvent);
export const ZAuditQuery = z.object({
  action: z.string().max(100).optional(),
  actorId: ZId.optional(),
  entityId: z.string().max(100).optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const ZAuditActors = z.array(
  z.object({ id: ZId, displayName: z.string(), role: z.string(), active: z.boolean() }).describe('Benutzerkonto der Behörde'),
);
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe('geprüfte, versiegelte Einträge'),
  brokenAt: z.number().int().nullable().describe('erste Kettenposition, an der die Kette bricht'),
  pending: z.number().int().describe('noch nicht versiegelte Einträge'),
  checkpoints: z.number().int().describe('verglichene signierte Prüfpunkte'),
  checkpointBrokenAt: z
    .number()
    .int()
    .nullable()
    .describe('Kettenposition des ersten Prüfpunkts, der nicht passt (Signatur, Hash oder fehlendes Ereignis)'),
});
export { ROLES };
