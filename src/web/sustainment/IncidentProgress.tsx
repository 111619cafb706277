import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format';
import { DueText } from './labels';
import { stageStatuses, type Actor, type StageStatus } from './progress';
import type { Incident } from './queries';

const MARK: Record<StageStatus, string> = { done: '✓', current: '●', next: '○', skipped: '–' };

/** The incident's state machine made visible: stages done, now and next, who acts, and by when. */
export function IncidentProgress({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const done = incident.steps.map((s) => s.step);
  const rows = stageStatuses(incident.kind, incident.state, done);
  const who = (actor: Actor): string => {
    switch (actor) {
      case 'provider':
        return t('sustainment.actor.provider', { name: incident.tenancy.provider.name });
      case 'contactPerson':
        return t('sustainment.actor.contactPerson', { name: incident.contactPerson?.displayName ?? t('sustainment.actor.unassigned') });
      case 'socialWorker':
        return t('sustainment.actor.socialWorker', { name: incident.socialWorker?.displayName ?? t('sustainment.actor.unassigned') });
      case 'reporter':
        return t(`sustainment.reportedVia.${incident.reportedVia}`);
    }
  };
  const lastEntry = (steps: readonly string[]) => [...incident.steps].reverse().find((s) => steps.includes(s.step));
  return (
    <ol className="sus-progress">
      {rows.map(({ stage, status }) => {
        const entry = status === 'done' ? lastEntry(stage.steps) : undefined;
        return (
          <li key={stage.key} className={`sus-progress__stage sus-progress__stage--${status}`}>
            <span className="sus-progress__mark" aria-hidden="true">
              {MARK[status]}
            </span>
            <span className="sus-progress__text">
              <span className="kern-body kern-body--bold">
                <span className="visually-hidden">{t(`sustainment.progress.${status}`)}: </span>
                {t(`sustainment.stage.${stage.key as 'report'}`, {
                  context: incident.kind === 'conflict' && stage.key === 'report' ? 'conflict' : undefined,
                })}
              </span>
              <span className="kern-body kern-body--small">{who(stage.actor)}</span>
              {entry && (
                <span className="kern-body kern-body--small kern-body--muted">
                  {t('sustainment.progress.doneOn', {
                    date: formatDate(entry.at, 'Europe/Berlin'),
                    name: entry.actor?.displayName ?? t('sustainment.actor.system'),
                  })}
                </span>
              )}
              {status === 'current' && incident.state === 'waiting' && incident.recheckOn && (
                <span className="kern-body kern-body--small">
                  {t('sustainment.progress.recheckOn', { date: formatDate(incident.recheckOn) })}
                </span>
              )}
              {status === 'current' && incident.nextDeadline && (
                <span className="kern-body kern-body--small">
                  <DueText dueAt={incident.nextDeadline.dueAt} overdue={incident.nextDeadline.overdue} />
                </span>
              )}
            </span>
          </li>
        );
      })}
      <li className={`sus-progress__stage sus-progress__stage--${isClosed(incident.state) ? 'done' : 'next'}`}>
        <span className="sus-progress__mark" aria-hidden="true">
          {isClosed(incident.state) ? '■' : '○'}
        </span>
        <span className="sus-progress__text">
          <span className="kern-body kern-body--bold">
            <span className="visually-hidden">{t(`sustainment.progress.${isClosed(incident.state) ? 'done' : 'next'}`)}: </span>
            {isClosed(incident.state) ? t(`sustainment.outcomeOf.${incident.state as 'secured'}`) : t('sustainment.outcomeOf.secured')}
          </span>
        </span>
      </li>
    </ol>
  );
}

const isClosed = (state: string) => ['secured', 'resolved', 'terminated', 'cancelled'].includes(state);
