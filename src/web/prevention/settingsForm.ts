import type { TFunction } from 'i18next';
import type { TPreventionSettings } from '../../contracts/admin';

type Channel = TPreventionSettings['contactSteps'][number]['channel'];

/** The prevention part of the agency settings form, as typed. */
export interface PreventionForm {
  walkInHours: { weekday: string; from: string; to: string }[];
  contactSteps: { channel: Channel; dayOffset: string; label: string }[];
  cureReminderDays: string;
  hearingReminderDays: string;
  evictionReminderDays: string;
  defenceReminderDays: string;
  appointmentPlace: string;
  appointmentWorkingDays: string;
  contactStandardWorkingDays: string;
}

export const REMINDER_FIELDS = [
  'cureReminderDays',
  'hearingReminderDays',
  'evictionReminderDays',
  'defenceReminderDays',
  'appointmentWorkingDays',
  'contactStandardWorkingDays',
] as const;

export function preventionForm(s: TPreventionSettings): PreventionForm {
  return {
    walkInHours: s.walkInHours.map((h) => ({ weekday: String(h.weekday), from: h.from, to: h.to })),
    contactSteps: s.contactSteps.map((c) => ({ channel: c.channel, dayOffset: String(c.dayOffset), label: c.label })),
    cureReminderDays: String(s.cureReminderDays),
    hearingReminderDays: String(s.hearingReminderDays),
    evictionReminderDays: String(s.evictionReminderDays),
    defenceReminderDays: String(s.defenceReminderDays),
    appointmentPlace: s.appointmentPlace,
    appointmentWorkingDays: String(s.appointmentWorkingDays),
    contactStandardWorkingDays: String(s.contactStandardWorkingDays),
  };
}

const int = (s: string) => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : Number.NaN);

/** Form → settings; numbers that do not parse stay NaN so the contract schema flags them. */
export function preventionSettings(f: PreventionForm): TPreventionSettings {
  return {
    walkInHours: f.walkInHours.map((h) => ({ weekday: int(h.weekday), from: h.from, to: h.to })),
    contactSteps: f.contactSteps.map((c) => ({ channel: c.channel, dayOffset: int(c.dayOffset), label: c.label.trim() })),
    cureReminderDays: int(f.cureReminderDays),
    hearingReminderDays: int(f.hearingReminderDays),
    evictionReminderDays: int(f.evictionReminderDays),
    defenceReminderDays: int(f.defenceReminderDays),
    appointmentPlace: f.appointmentPlace,
    appointmentWorkingDays: int(f.appointmentWorkingDays),
    contactStandardWorkingDays: int(f.contactStandardWorkingDays),
  };
}

const P = 'settings.prevention';

/** Every field path of the prevention settings the form shows (rows included). */
export const PREVENTION_FIELDS: readonly string[] = [
  'walkInHours',
  'contactSteps',
  ...REMINDER_FIELDS,
  'appointmentPlace',
  ...Array.from({ length: 21 }, (_, i) => ['weekday', 'from', 'to'].map((k) => `walkInHours.${i}.${k}`)).flat(),
  ...Array.from({ length: 10 }, (_, i) => ['channel', 'dayOffset', 'label'].map((k) => `contactSteps.${i}.${k}`)).flat(),
].map((f) => `${P}.${f}`);

/** Labels for the error summary of the agency form. */
export function preventionLabels(t: TFunction): Record<string, string> {
  const out: Record<string, string> = {
    [`${P}.walkInHours`]: t('prevention.settings.walkInHours'),
    [`${P}.contactSteps`]: t('prevention.settings.contactSteps'),
    [`${P}.appointmentPlace`]: t('prevention.settings.appointmentPlace'),
  };
  for (const k of REMINDER_FIELDS) out[`${P}.${k}`] = t(`prevention.settings.${k}`);
  for (let i = 0; i < 21; i++)
    for (const k of ['weekday', 'from', 'to'] as const)
      out[`${P}.walkInHours.${i}.${k}`] = `${t('prevention.settings.slot', { n: i + 1 })}, ${t(`prevention.settings.${k}`)}`;
  for (let i = 0; i < 10; i++)
    for (const k of ['channel', 'dayOffset', 'label'] as const)
      out[`${P}.contactSteps.${i}.${k}`] = `${t('prevention.settings.step', { n: i + 1 })}, ${t(`prevention.settings.${k}`)}`;
  return out;
}
