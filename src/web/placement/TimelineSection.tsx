import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDateTime } from '../i18n/format';
import { useOfferPage } from './context';
import { useOfferEvents } from './queries';

/** Who did what and when on this offer, oldest first (the server decides what a company may read). */
export function TimelineSection() {
  const { t } = useTranslation();
  const { offer } = useOfferPage();
  const events = useOfferEvents(offer.id);
  const items = [...(events.data ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Section id="offer-timeline" title={t('placement.timeline.title')}>
      {events.isPending ? (
        <Loading />
      ) : events.isError ? (
        <ErrorAlert message={errorMessage(events.error, t)} />
      ) : items.length === 0 ? (
        <p className="kern-body">{t('placement.timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {items.map((e) => (
            <li key={e.id} className="timeline__entry">
              <time className="kern-body kern-body--small timeline__time" dateTime={e.at}>
                {formatDateTime(e.at)}
              </time>
              <span className="kern-body">{e.text}</span>
              <span className="kern-body kern-body--small kern-body--muted">
                {e.actor ? t('placement.timeline.by', { name: e.actor.displayName }) : t('placement.timeline.system')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
