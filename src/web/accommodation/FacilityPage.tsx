import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ZFacilityStateInput, ZRoomInput } from '../../contracts/accommodation';
import { api, ok } from '../api';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { AccDialog } from './AccDialog';
import { FacilityInspections } from './FacilityInspections';
import { roomFields, stateFields } from './fields';
import { useFacility, type FacilityDetail } from './queries';

const ROOM_FLAGS = ['family', 'wheelchair', 'stepFree', 'pets', 'singleRoom'] as const;
const FACILITY_FLAGS = ['socialService', 'nightService', 'protectionConcept', 'substanceTolerant'] as const;

/** One facility: address, status (with its history), attributes, rooms and places with who is there today. */
export function FacilityPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useFacility(id);
  const [open, setOpen] = useState<'room' | 'state' | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert message={errorMessage(q.error, t)} />;
  const f: FacilityDetail = q.data;
  const flags = FACILITY_FLAGS.filter((k) => f[k]).map((k) => t(`accommodation.attr.${k}`));
  return (
    <>
      <PageHeading
        title={f.name}
        actions={
          <>
            {f.actions.includes('block') && (
              <Button variant="secondary" onClick={() => setOpen('state')}>
                {t('accommodation.facility.changeState')}
              </Button>
            )}
            {f.actions.includes('addRoom') && (
              <Button icon="add" onClick={() => setOpen('room')}>
                {t('accommodation.facility.addRoom')}
              </Button>
            )}
          </>
        }
      >
        {f.name}
      </PageHeading>
      <DescriptionList
        items={[
          { key: 'op', label: t('accommodation.col.operator'), value: f.operatorName },
          {
            key: 'addr',
            label: t('accommodation.facility.address'),
            value: `${f.street}, ${f.postalCode} ${f.city}${f.district ? ` (${f.district})` : ''}`,
          },
          { key: 'prov', label: t('accommodation.col.provision'), value: t(`accommodation.provision.${f.provision}`) },
          {
            key: 'state',
            label: t('accommodation.col.state'),
            value: `${t(`accommodation.facilityState.${f.state}`)} ${t('accommodation.facility.since', { date: formatDate(f.stateSince) })}${f.stateNote ? `: ${f.stateNote}` : ''}`,
          },
          { key: 'occ', label: t('accommodation.col.occupancy'), value: t('accommodation.occupancyValue', f.occupancy) },
          { key: 'attr', label: t('accommodation.col.kind'), value: flags.join(', ') || '–' },
        ]}
      />
      <Section id="acc-rooms" title={t('accommodation.facility.rooms')}>
        {f.rooms.length === 0 && <p className="kern-body">{t('accommodation.facility.noRooms')}</p>}
        {f.rooms.map((r) => (
          <div key={r.id}>
            <h3 className="kern-heading-small">
              {t('accommodation.facility.room', { label: r.label })}
              {r.sizeM2 !== null ? ` · ${t('accommodation.facility.size', { size: r.sizeM2 })}` : ''}
            </h3>
            <p className="kern-body kern-body--small">
              {[t(`accommodation.sex.${r.sex}`), ...ROOM_FLAGS.filter((k) => r[k]).map((k) => t(`accommodation.attr.${k}`))].join(', ')}
            </p>
            <ul className="kern-list">
              {r.places.map((p) => (
                <li key={p.id} className="kern-body">
                  {`${p.label}: `}
                  {p.occupant ? (
                    <Link to={`/accommodation/assignments/${p.occupant.assignmentId}`}>
                      {`${p.occupant.reference} – ${p.occupant.name} (${t('accommodation.facility.since', { date: formatDate(p.occupant.since) })})`}
                    </Link>
                  ) : p.occupied ? (
                    t('accommodation.facility.occupiedHidden')
                  ) : p.blockedReason ? (
                    t('accommodation.facility.blockedPlace', { reason: p.blockedReason })
                  ) : (
                    t('accommodation.facility.free')
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Section>
      <Section id="acc-history" title={t('accommodation.facility.history')}>
        <ul className="kern-list">
          {f.events.map((e, i) => (
            <li key={i} className="kern-body kern-body--small">
              {t('accommodation.facility.historyRow', {
                date: formatDate(e.effectiveOn),
                state: t(`accommodation.facilityState.${e.to}` as never),
              })}
              {e.note ? ` – ${e.note}` : ''}
              {e.by ? ` (${e.by})` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <FacilityInspections facilityId={id} />
      <ButtonLink to="/accommodation" variant="secondary">
        {t('accommodation.title')}
      </ButtonLink>
      {open === 'room' && (
        <AccDialog
          formId="acc-room"
          title={t('accommodation.facility.addRoom')}
          submitLabel={t('common.save')}
          step={{
            schema: ZRoomInput,
            fields: roomFields(t),
            run: (body) => ok(api.POST('/accommodation/facilities/{id}/rooms', { params: { path: { id } }, body })),
          }}
          onClose={() => setOpen(null)}
          onDone={() => setOpen(null)}
        />
      )}
      {open === 'state' && (
        <AccDialog
          formId="acc-state"
          title={t('accommodation.facility.changeState')}
          submitLabel={t('common.save')}
          extra={{ version: f.version }}
          step={{
            schema: ZFacilityStateInput,
            fields: stateFields(t),
            run: (body) => ok(api.POST('/accommodation/facilities/{id}/state', { params: { path: { id } }, body })),
          }}
          onClose={() => setOpen(null)}
          onDone={() => setOpen(null)}
        />
      )}
    </>
  );
}
