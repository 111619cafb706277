import { contactStepCode } from '../../contracts/admin';
import { useTranslation } from 'react-i18next';
import type { TCaseState, TOutcome } from '../../contracts/prevention';
import { formatDate, formatDateTime } from '../i18n/format';

/** `t` for keys built at run time (field labels by path); unknown keys fall back to `defaultValue`. */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;
export function useLooseT(): LooseT {
  const { t } = useTranslation();
  return t as unknown as LooseT;
}

/** A contact step's label in the user's language: a default step by its code, an agency's own label as typed. */
export function useContactStepLabel(): (step: { channel: string; label: string }) => string {
  const t = useLooseT();
  return (step) => t(`prevention.contact.stepLabel.${contactStepCode(step)}`, { step: step.label });
}

type Variant = 'info' | 'success' | 'warning' | 'danger';
const STATE_BADGE: Record<TCaseState, Variant> = { contacting: 'warning', clearing: 'info', measures: 'info', closed: 'success' };
const OUTCOME_BADGE: Record<TOutcome, Variant> = {
  home_kept: 'success',
  alternative_housing: 'success',
  home_lost: 'danger',
  no_contact: 'warning',
  help_declined: 'warning',
};

export function Badge({ variant, children }: { variant: Variant; children: string }) {
  return (
    <span className={`kern-badge kern-badge--${variant} kern-badge--small`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

export function CaseState({ status }: { status: TCaseState }) {
  const { t } = useTranslation();
  return <Badge variant={STATE_BADGE[status]}>{t(`prevention.state.${status}`)}</Badge>;
}

export function OutcomeBadge({ outcome }: { outcome: TOutcome }) {
  const { t } = useTranslation();
  return <Badge variant={OUTCOME_BADGE[outcome]}>{t(`prevention.outcome.${outcome}`)}</Badge>;
}

/** Today in Europe/Berlin as YYYY-MM-DD (the server's calendar for deadlines). */
export function todayBerlin(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from today (Berlin) to a date or instant; negative = past. */
export function daysUntil(value: string, now: Date = new Date()): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : todayBerlin(new Date(value));
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(day) - utc(todayBerlin(now))) / 86_400_000);
}

/** "heute", "morgen", "in 14 Tagen", "vor 3 Tagen" for a date or instant. */
export function RelativeDays({ value }: { value: string }) {
  const { t } = useTranslation();
  const days = daysUntil(value);
  return <span>{days < 0 ? t('prevention.due.ago', { count: -days }) : t('prevention.due.relative', { count: days })}</span>;
}

/** A date with "überfällig" / "heute" / "in N Tagen" in words, not only colour. */
export function DueText({ value, withTime = false, overdue }: { value: string; withTime?: boolean; overdue?: boolean }) {
  const { t } = useTranslation();
  const days = daysUntil(value);
  const text = withTime ? formatDateTime(value, 'Europe/Berlin') : formatDate(value, 'Europe/Berlin');
  const late = overdue ?? days < 0;
  if (late) {
    return (
      <strong className="prevention-overdue">
        <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" /> {t('prevention.due.overdue', { date: text })}
      </strong>
    );
  }
  return <span>{days === 0 ? t('prevention.due.today', { date: text }) : t('prevention.due.inDays', { date: text, count: days })}</span>;
}
