import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ZAssignInput } from '../../contracts/accommodationStays';
import { todayInBerlin } from '../../contracts/plausible';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { TextField } from '../components/Field';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { Section } from '../components/Section';
import { useHousehold } from '../households/queries';
import { errorMessage } from '../i18n/errors';
import { AccDialog } from './AccDialog';
import { assignFields } from './fields';
import { PlaceSearchExcluded } from './PlaceSearchExcluded';
import { usePlaceSearch, type PlaceSearch, type PlaceSearchPaging } from './queries';

type Fitting = PlaceSearch['facilities'][number];

const FIRST: PlaceSearchPaging = { page: 1, reason: null, reasonPage: 1 };

/**
 * The place search by needs for one household: fitting free places per facility (a page at a
 * time), how many places each reason leaves out and, per reason on request, those places with
 * their reasons in words; assign from here.
 */
export function PlaceSearchPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { householdId = '' } = useParams();
  const [date, setDate] = useState(todayInBerlin());
  const [paging, setPaging] = useState<PlaceSearchPaging>(FIRST);
  const household = useHousehold(householdId);
  const search = usePlaceSearch(householdId, date, paging);
  const [assigning, setAssigning] = useState<Fitting | null>(null);
  if (household.isPending) return <Loading />;
  if (household.isError) return <ErrorAlert message={errorMessage(household.error, t)} />;
  const h = household.data;
  const title = t('accommodation.search.title', { name: h.reference });
  const members = h.members.map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` }));
  const placeLabel = (p: Fitting['places'][number]) => t('accommodation.search.placeRow', { room: p.roomLabel, label: p.label });

  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="kern-body">
        <Link to={`/households/${h.id}`}>{`${h.reference} – ${h.members[0]?.lastName ?? ''}`}</Link>
      </p>
      <TextField
        id="acc-search-date"
        label={t('accommodation.search.date')}
        type="date"
        value={date}
        onChange={(e) => {
          setDate(e.target.value);
          setPaging(FIRST);
        }}
      />
      {search.isPending ? (
        <Loading />
      ) : search.isError ? (
        <ErrorAlert message={errorMessage(search.error, t)} />
      ) : (
        <>
          <p className="kern-body" role="status">
            {t('accommodation.search.needs', search.data.needs)}
          </p>
          <Section id="acc-fitting" title={t('accommodation.search.fitting')}>
            {search.data.facilities.length === 0 ? (
              <p className="kern-body">{t('accommodation.search.none')}</p>
            ) : (
              <p className="kern-body">
                {t('accommodation.search.fittingTotal', {
                  count: search.data.fittingPlaces,
                  facilities: search.data.facilitiesTotal,
                })}
              </p>
            )}
            {search.data.facilities.map((f) => (
              <article key={f.id} className="acc-result">
                <h3 className="kern-heading-small">
                  <Link to={`/accommodation/facilities/${f.id}`}>{f.name}</Link>
                </h3>
                <p className="kern-body kern-body--small">
                  {[
                    f.operatorName,
                    f.district,
                    t(`accommodation.provision.${f.provision}`),
                    t('accommodation.search.freePlaces', { count: f.places.length }),
                    f.wished ? t('accommodation.search.wished') : null,
                    f.enough ? null : t('accommodation.search.notEnough'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {can(me, 'accommodation.assign') && (
                  <Button onClick={() => setAssigning(f)} aria-label={`${t('accommodation.search.assign')}: ${f.name}`}>
                    {t('accommodation.search.assign')}
                  </Button>
                )}
              </article>
            ))}
            <Pagination
              page={search.data.page}
              pageSize={search.data.pageSize}
              total={search.data.facilitiesTotal}
              onPage={(page) => setPaging({ ...paging, page })}
              label={t('accommodation.search.facilitiesPages')}
            />
          </Section>
          <PlaceSearchExcluded search={search.data} paging={paging} onPaging={setPaging} />
        </>
      )}
      {assigning && (
        <AccDialog
          formId="acc-assign"
          title={t('accommodation.assignment.dialogTitle', { facility: assigning.name })}
          submitLabel={t('accommodation.search.assign')}
          step={{
            schema: ZAssignInput,
            fields: assignFields(
              t,
              members,
              assigning.places.map((p) => ({ value: p.placeId, label: placeLabel(p) })),
              date,
            ),
            mapBody: (b) => {
              const places = members
                .filter((m) => b[`place_${m.id}`])
                .map((m) => ({ memberId: m.id, placeId: b[`place_${m.id}`] as string }));
              const rest = Object.fromEntries(Object.entries(b).filter(([k]) => !k.startsWith('place_')));
              return { ...rest, places, householdId: h.id, facilityId: assigning.id };
            },
            run: (body) => ok(api.POST('/accommodation/assignments', { body })),
          }}
          onClose={() => setAssigning(null)}
          onDone={(r) => navigate(`/accommodation/assignments/${(r as { id: string }).id}`, { state: { flash: 'created' } })}
        />
      )}
    </>
  );
}
