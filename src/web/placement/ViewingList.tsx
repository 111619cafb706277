import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';

interface ViewingLike {
  id: string;
  startsAt: string;
  place: string;
  status: 'scheduled' | 'held' | 'cancelled';
  attendees?: { id: string; displayName: string }[];
  outcome?: string | null;
}

/** The viewings of one candidate, staff with attendees and outcome, the portal with date and place. */
export function ViewingList({ viewings }: { viewings: ViewingLike[] }) {
  const { t } = useTranslation();
  return (
    <div className="viewings">
      <p className="kern-body kern-body--bold">{t('placement.shortlist.viewings')}</p>
      {viewings.length === 0 ? (
        <p className="kern-body">{t('placement.shortlist.noViewings')}</p>
      ) : (
        <ul className="kern-list">
          {viewings.map((v) => (
            <li key={v.id}>
              <span className={v.status === 'cancelled' ? 'is-cancelled' : undefined}>
                {t('placement.shortlist.viewingLine', { start: formatDateTime(v.startsAt), place: v.place })}
              </span>{' '}
              ({t(`placement.meetingStatus.${v.status}`)})
              {v.attendees && v.attendees.length > 0 && (
                <div className="kern-body kern-body--small">
                  {t('placement.shortlist.attendees', { names: v.attendees.map((a) => a.displayName).join(', ') })}
                </div>
              )}
              {v.outcome && <div className="kern-body kern-body--small">{t('placement.shortlist.outcome', { text: v.outcome })}</div>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
