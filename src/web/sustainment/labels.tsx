import { useTranslation } from 'react-i18next';
import type { TIncidentState } from '../../contracts/sustainment';
import { formatDate } from '../i18n/format';

type Variant = 'info' | 'success' | 'warning' | 'danger';

const STATE_BADGE: Record<TIncidentState, Variant> = {
  reported: 'warning',
  clarifying: 'info',
  reasons_recorded: 'info',
  awaiting_decision: 'warning',
  waiting: 'info',
  payout_due: 'warning',
  assignment_pending: 'info',
  in_progress: 'info',
  solved: 'success',
  secured: 'success',
  resolved: 'success',
  terminated: 'danger',
  cancelled: 'danger',
};

export function Badge({ variant, children }: { variant: Variant; children: string }) {
  return (
    <span className={`kern-badge kern-badge--${variant} kern-badge--small`}>
      <span className="kern-label">{children}</span>
    </span>
  );
}

export function IncidentStateBadge({ state }: { state: TIncidentState }) {
  const { t } = useTranslation();
  return <Badge variant={STATE_BADGE[state]}>{t(`sustainment.state.${state}`)}</Badge>;
}

export function TenancyStatusBadge({ status }: { status: 'active' | 'ended' }) {
  const { t } = useTranslation();
  return <Badge variant={status === 'active' ? 'success' : 'info'}>{t(`sustainment.tenancyStatus.${status}`)}</Badge>;
}

/** A deadline with "überfällig" in words (not only colour). */
export function DueText({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useTranslation();
  const date = formatDate(dueAt, 'Europe/Berlin');
  return overdue ? (
    <strong className="sus-overdue">
      <span className="kern-icon kern-icon--warning kern-icon--small" aria-hidden="true" /> {t('sustainment.due.overdue', { date })}
    </strong>
  ) : (
    <span>{t('sustainment.due.until', { date })}</span>
  );
}

/** "2026-10" → "10/2026". */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[2]}/${m[1]}` : month;
}

export const formatMonths = (months: readonly string[]) => months.map(formatMonth).join(', ');
