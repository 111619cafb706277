/**
 * Plausibility building blocks, shared by the API (route schemas) and the web forms (zod resolver):
 * no birth date in the future or before 1900, no "since" date in the future, nothing dated after
 * today (Europe/Berlin), end ≥ start for every period, money ≥ 0 with its limit stated in euros,
 * text with its limit stated (the schema refuses, nothing is truncated silently).
 *
 * Messages are German (the API sends them in problem+json `errors[]`); every custom issue carries
 * `params.plausible` (+ values) so the web can show the message in the user's language
 * (src/web/i18n, `fieldErrors.plausible.*`).
 */
import { z } from 'zod';
import { ZDate, ZTimestamp } from './common.js';
import { formatEuro, formatGermanDate, isoDateIn } from './format.js';

/** The earliest birth date accepted. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';
/** Default upper limit of an amount: 1.000.000,00 €. */
export const MONEY_MAX_CENTS = 100_000_000;

export const PLAUSIBLE_KEYS = [
  'birthDateFuture',
  'birthDateTooEarly',
  'sinceFuture',
  'afterToday',
  'endBeforeStart',
  'tooFarAhead',
] as const;
export type PlausibleKey = (typeof PLAUSIBLE_KEYS)[number];

/** Today in Europe/Berlin as 'YYYY-MM-DD' (the calendar day the users live in). */
export const todayInBerlin = (now: Date = new Date()): string => isoDateIn(now);

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The German message of a plausibility issue (the API's `errors[].message`); the web translates by `params.plausible`. */
export function plausibleMessage(params: { plausible: PlausibleKey } & Record<string, unknown>): string {
  switch (params.plausible) {
    case 'birthDateFuture':
      return 'Das Geburtsdatum darf nicht in der Zukunft liegen.';
    case 'birthDateTooEarly':
      return `Das Geburtsdatum darf nicht vor dem ${String(params.min)} liegen.`;
    case 'sinceFuture':
      return 'Dieser Tag („seit“) darf nicht in der Zukunft liegen.';
    case 'afterToday':
      return `Der Tag darf nicht nach heute (${String(params.max)}) liegen.`;
    case 'endBeforeStart':
      return `Das Ende darf nicht vor dem Beginn (${String(params.start)}) liegen.`;
    case 'tooFarAhead':
      return `Der Tag darf höchstens bis zum ${String(params.max)} in der Zukunft liegen.`;
  }
}

const isPlausibleParams = (p: unknown): p is { plausible: PlausibleKey } =>
  typeof p === 'object' && p !== null && (PLAUSIBLE_KEYS as readonly unknown[]).includes((p as { plausible?: unknown }).plausible);

/*
 * The issues carry no message of their own, so a per-parse error map (the web's form resolver) can
 * translate them; everywhere else (the API) this global fallback gives the German message.
 */
z.config({
  customError: (iss) => (iss.code === 'custom' && isPlausibleParams(iss.params) ? plausibleMessage(iss.params) : undefined),
});

const issue = (ctx: z.RefinementCtx, key: PlausibleKey, extra: Record<string, string> = {}, path?: string[]) =>
  ctx.addIssue({ code: 'custom', params: { plausible: key, ...extra }, ...(path ? { path } : {}) });

/** A birth date: not in the future, not before 1900. */
export const ZBirthDate = ZDate.superRefine((s, ctx) => {
  if (!isIsoDate(s)) return;
  if (s > todayInBerlin()) issue(ctx, 'birthDateFuture');
  else if (s < EARLIEST_BIRTH_DATE) issue(ctx, 'birthDateTooEarly', { min: formatGermanDate(EARLIEST_BIRTH_DATE) });
}).describe('Geburtsdatum (nicht in der Zukunft, nicht vor 1900)');

/** A "since" date (e.g. in the accommodation since): not in the future. */
export const ZSinceDate = ZDate.superRefine((s, ctx) => {
  if (isIsoDate(s) && s > todayInBerlin()) issue(ctx, 'sinceFuture');
});

/** A calendar day that has happened (today at the latest, Europe/Berlin). */
export const ZPastDate = ZDate.superRefine((s, ctx) => {
  if (isIsoDate(s) && s > todayInBerlin()) issue(ctx, 'afterToday', { max: formatGermanDate(todayInBerlin()) });
});

/** A calendar day at most `days` days after today (Europe/Berlin), e.g. an announced move. */
export const ZDateUpToDaysAhead = (days: number) =>
  ZDate.superRefine((s, ctx) => {
    if (!isIsoDate(s)) return;
    const max = isoDateIn(new Date(Date.parse(`${todayInBerlin()}T12:00:00Z`) + days * 86_400_000));
    if (s > max) issue(ctx, 'tooFarAhead', { max: formatGermanDate(max) });
  });

/** An instant whose day (Europe/Berlin) is today at the latest, e.g. a journal entry. */
export const ZPastTimestamp = ZTimestamp.superRefine((s, ctx) => {
  const t = new Date(s);
  if (Number.isNaN(t.getTime())) return;
  if (isoDateIn(t) > todayInBerlin()) issue(ctx, 'afterToday', { max: formatGermanDate(todayInBerlin()) });
});

/**
 * An amount in integer cents: 0 (or `min`) up to `maxCents`, limits stated in euros in the message.
 * The web recognises money issues by the euro sign in the message and restates the limit in the
 * user's language.
 */
export const ZMoney = (label: string, opts: { min?: number; maxCents?: number } = {}) => {
  const min = opts.min ?? 0;
  const max = opts.maxCents ?? MONEY_MAX_CENTS;
  return z
    .number({ error: `${label}: bitte einen Betrag in Euro angeben.` })
    .int(`${label}: bitte einen Betrag in ganzen Cent angeben.`)
    .min(
      min,
      min > 0 ? `${label}: mindestens ${formatEuro(min)}.` : `${label}: der Betrag darf nicht negativ sein (mindestens ${formatEuro(0)}).`,
    )
    .max(max, `${label}: höchstens ${formatEuro(max)}.`)
    .describe(`${label} in Cent (${formatEuro(min)} bis ${formatEuro(max)})`);
};

/** A trimmed text of 1 … max characters; the limit is stated, longer text is refused (never cut). */
export const ZText = (max: number, label = 'Text') =>
  z.string().trim().min(1, `${label}: bitte ausfüllen.`).max(max, `${label}: höchstens ${max} Zeichen.`);

/**
 * A period check for an object: `end` is not before `start` (both ISO dates or instants, either may be
 * missing). The issue is at the end field. Use as `.superRefine(endNotBeforeStart('startsOn', 'endsOn'))`.
 */
export function endNotBeforeStart<K extends string, E extends string>(start: K, end: E) {
  return (value: Partial<Record<K | E, unknown>>, ctx: z.RefinementCtx) => {
    const from = value[start];
    const to = value[end];
    if (typeof from !== 'string' || typeof to !== 'string' || !from || !to) return;
    const before = isIsoDate(from) && isIsoDate(to) ? to < from : Date.parse(to) < Date.parse(from);
    if (before) issue(ctx, 'endBeforeStart', { start: isIsoDate(from) ? formatGermanDate(from) : from }, [end]);
  };
}

/** Longest file name kept with an upload (stated, never cut). */
export const MAX_FILENAME_LENGTH = 200;
/** The issue of an upload whose name is too long, at the field `file`. */
export const FILENAME_TOO_LONG = {
  field: 'file',
  code: 'too_big',
  message: `Der Dateiname darf höchstens ${MAX_FILENAME_LENGTH} Zeichen lang sein.`,
} as const;
