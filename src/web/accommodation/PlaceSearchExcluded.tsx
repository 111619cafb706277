import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button';
import { Pagination } from '../components/Pagination';
import { Section } from '../components/Section';
import type { PlaceSearch, PlaceSearchPaging } from './queries';

type Reason = PlaceSearch['exclusionCounts'][number]['reason'];

interface Props {
  search: PlaceSearch;
  paging: PlaceSearchPaging;
  onPaging: (p: PlaceSearchPaging) => void;
}

/**
 * The places that do not fit: how many each reason leaves out, and for the reason chosen a page of
 * those places with every reason in words (a place can be left out for several).
 */
export function PlaceSearchExcluded({ search, paging, onPaging }: Props) {
  const { t } = useTranslation();
  const show = (reason: Reason | null) => onPaging({ ...paging, reason, reasonPage: 1 });
  const list = search.excluded;
  return (
    <Section id="acc-excluded" title={t('accommodation.search.excluded', { count: search.excludedPlaces })}>
      {search.exclusionCounts.length > 0 && <p className="kern-body kern-body--small">{t('accommodation.search.reasonsHint')}</p>}
      <ul className="kern-list">
        {search.exclusionCounts.map(({ reason, count }) => {
          const shown = paging.reason === reason;
          const label = t(`accommodation.search.reasons.${reason}`);
          return (
            <li key={reason} className="kern-body">
              {t('accommodation.search.reasonCount', { reason: label, count })}{' '}
              <Button
                variant="tertiary"
                aria-expanded={shown}
                aria-controls={shown ? 'acc-excluded-list' : undefined}
                aria-label={`${t(shown ? 'accommodation.search.hidePlaces' : 'accommodation.search.showPlaces')}: ${label}`}
                onClick={() => show(shown ? null : reason)}
              >
                {t(shown ? 'accommodation.search.hidePlaces' : 'accommodation.search.showPlaces')}
              </Button>
            </li>
          );
        })}
      </ul>
      {list && paging.reason === list.reason && (
        <div id="acc-excluded-list">
          <h3 className="kern-heading-small">
            {t('accommodation.search.reasonPlaces', { reason: t(`accommodation.search.reasons.${list.reason}`), count: list.total })}
          </h3>
          <ul className="kern-list">
            {list.items.map((e) => (
              <li key={e.placeId} className="kern-body kern-body--small">
                {`${e.facilityName}, ${t('accommodation.search.placeRow', { room: e.roomLabel, label: e.label })}: ${e.explanation.join(' ')}`}
              </li>
            ))}
          </ul>
          <Pagination
            page={list.page}
            pageSize={list.pageSize}
            total={list.total}
            onPage={(reasonPage) => onPaging({ ...paging, reasonPage })}
            label={t('accommodation.search.excludedPages')}
          />
        </div>
      )}
    </Section>
  );
}
