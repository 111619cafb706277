import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TDesk, TDeskSection, TReassignResult } from '../../contracts/desk';
import { useMe } from '../auth/session';
import { can } from '../auth/can';
import { Alert, ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { errorMessage } from '../i18n/errors';
import { DeskItems } from './DeskItems';
import { useDeskLabels } from './labels';
import { useDesk } from './queries';
import { TeamSection } from './TeamSection';
import './desk.css';

/** One card of the start page: heading (module label above), the count, the items, a link to the whole list. */
function Card({
  id,
  eyebrow,
  title,
  summary,
  children,
  more,
}: {
  id: string;
  eyebrow?: string;
  title: string;
  summary?: string;
  children: React.ReactNode;
  more?: { to: string; label: string } | null;
}) {
  return (
    <section className="desk-card" aria-labelledby={`${id}-title`}>
      {eyebrow && <p className="desk-card__eyebrow">{eyebrow}</p>}
      <h2 id={`${id}-title`} className="kern-heading-small desk-card__title">
        {title}
      </h2>
      {summary && <p className="kern-body kern-body--small desk-card__summary">{summary}</p>}
      {children}
      {more && (
        <p className="desk-card__more">
          <Link className="kern-link" to={more.to}>
            {more.label}
          </Link>
        </p>
      )}
    </section>
  );
}

function SectionCard({ s }: { s: TDeskSection }) {
  const { t } = useTranslation();
  const labels = useDeskLabels();
  return (
    <Card
      id={`desk-${s.module}-${s.kind}`}
      eyebrow={labels.module(s.module)}
      title={`${labels.kind(s.kind)} (${s.total})`}
      summary={s.total > s.items.length ? t('desk.moreItems', { shown: s.items.length, total: s.total }) : undefined}
      more={s.listLink ? { to: s.listLink, label: t('desk.showAll') } : null}
    >
      <DeskItems items={s.items} empty={t('desk.nothingWaiting')} />
    </Card>
  );
}

/**
 * What waits for the user, as the server composes it from every module: own deadlines, each
 * module's sections (rendered generically), unread notifications, recently opened records, and the
 * lead's team with the hand-over. No module-specific code here.
 */
export function DeskBoard() {
  const { t } = useTranslation();
  const me = useMe();
  const desk = useDesk();
  const [handed, setHanded] = useState<TReassignResult | null>(null);
  const done = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (handed) done.current?.focus();
  }, [handed]);

  if (desk.isError) return <ErrorAlert message={`${t('desk.loadFailed')} ${errorMessage(desk.error, t)}`} />;
  if (!desk.data) return <Loading />;
  const d: TDesk = desk.data;
  return (
    <>
      {handed && (
        <Alert variant="success" ref={done} focusable>
          <p className="kern-body">{t('desk.reassign.done', { count: handed.moved })}</p>
        </Alert>
      )}
      <div className="desk-grid">
        {can(me, 'deadline.list') && (
          <Card
            id="desk-deadlines"
            title={t('desk.myDeadlines')}
            summary={
              d.deadlines.total > 0 ? t('desk.deadlinesSummary', { count: d.deadlines.total, overdue: d.deadlines.overdue }) : undefined
            }
            more={{ to: '/deadlines', label: t('desk.allDeadlines') }}
          >
            <DeskItems items={d.deadlines.items} empty={t('desk.noDeadlines')} />
          </Card>
        )}
        {d.sections.map((s) => (
          <SectionCard key={`${s.module}:${s.kind}`} s={s} />
        ))}
        {d.sections.length === 0 && !can(me, 'deadline.list') && (
          <Card id="desk-waiting" title={t('desk.waiting')}>
            <p className="kern-body desk-empty">{t('desk.nothingWaiting')}</p>
          </Card>
        )}
        <Card
          id="desk-notifications"
          title={t('desk.notifications')}
          summary={d.notifications.unread > 0 ? t('desk.notificationsSummary', { count: d.notifications.unread }) : undefined}
        >
          <DeskItems items={d.notifications.items} empty={t('desk.noNotifications')} />
        </Card>
        <Card id="desk-recent" title={t('desk.recent')}>
          <DeskItems items={d.recent} empty={t('desk.noRecent')} showModule />
        </Card>
      </div>
      {d.team && <TeamSection team={d.team} onHandedOver={setHanded} />}
    </>
  );
}
