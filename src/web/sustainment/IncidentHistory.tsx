import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { formatDate, formatDateTime } from '../i18n/format';
import { formatMonths } from './labels';
import type { Incident } from './queries';

const DATE_KEYS = new Set(['recheckOn', 'receivedOn', 'paidOn', 'issuedOn', 'terminatedOn', 'leaseEndsOn', 'occurredOn']);

/** One recorded value of a step, readable (money, dates, months, yes/no); null for what the page does not know. */
function useDetailText() {
  const { t } = useTranslation();
  return (key: string, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (key === 'amountCents' && typeof value === 'number') return formatEuro(value);
    if (key === 'months' && Array.isArray(value)) return formatMonths(value.map(String));
    if (DATE_KEYS.has(key) && typeof value === 'string') return formatDate(value);
    if (key === 'occurredAt' && typeof value === 'string') return formatDateTime(value);
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (key === 'category' && typeof value === 'string') return t(`sustainment.category.${value as 'noise'}`);
    if (key === 'channel' && typeof value === 'string') return t(`sustainment.channel.${value as 'phone'}`);
    if (key === 'decision' && typeof value === 'string') return t(`sustainment.decision.${value as 'wait'}`);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    return null;
  };
}

/** Every step of the incident, oldest first, with what it recorded. */
export function IncidentHistory({ incident }: { incident: Incident }) {
  const { t, i18n } = useTranslation();
  const text = useDetailText();
  const label = (key: string) =>
    key === 'amountCents'
      ? t('sustainment.history.amount')
      : i18n.exists(`sustainment.field.${key}`)
        ? t(`sustainment.field.${key as 'note'}`)
        : null;
  const stepLabel = (step: string) => (i18n.exists(`sustainment.step.${step}`) ? t(`sustainment.step.${step as 'report'}`) : step);
  return (
    <ol className="sus-timeline">
      {incident.steps.map((s) => {
        const details = Object.entries(s.details)
          .map(([k, v]) => ({ k, label: label(k), value: text(k, v) }))
          .filter((d): d is { k: string; label: string; value: string } => d.label !== null && d.value !== null);
        return (
          <li key={s.id} className="sus-timeline__entry">
            <time className="kern-body kern-body--small sus-timeline__time" dateTime={s.at}>
              {formatDateTime(s.at)}
            </time>
            <span className="kern-body kern-body--bold">
              {stepLabel(s.step)}
              {s.round > 1 ? ` (${t('sustainment.incident.round', { round: s.round })})` : ''}
            </span>
            {details.length > 0 && (
              <dl className="sus-details">
                {details.map((d) => (
                  <div key={d.k}>
                    <dt>{d.label}:</dt> <dd className="preline">{d.value}</dd>
                  </div>
                ))}
              </dl>
            )}
            <span className="kern-body kern-body--small kern-body--muted">
              {s.actor ? t('sustainment.history.by', { name: s.actor.displayName }) : t('sustainment.actor.system')}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
