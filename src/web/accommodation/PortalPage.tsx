import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  INCIDENT_KINDS,
  ZIncidentInput,
  ZPortalMoveIn,
  ZPortalMoveOut,
  type TPortalArrival,
  type TPortalFacility,
} from '../../contracts/accommodationPortal';
import { todayInBerlin } from '../../contracts/plausible';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import type { FieldSpec } from '../sustainment/stepForm';
import { AccDialog, type AccStep } from './AccDialog';
import { moveInFields, moveOutFields } from './fields';
import { usePortal } from './queries';

type Step = 'moveIn' | 'moveOut' | 'incident';

const incidentFields = (t: TFunction, today: string): FieldSpec[] => [
  {
    name: 'kind',
    type: 'select',
    label: t('accommodationPortal.field.kind'),
    options: INCIDENT_KINDS.map((k) => ({ value: k, label: t(`accommodationPortal.incidentKind.${k}`) })),
  },
  { name: 'occurredOn', type: 'date', label: t('accommodationPortal.field.occurredOn'), initial: today },
  { name: 'text', type: 'textarea', label: t('accommodationPortal.field.text') },
];

function needsOf(t: TFunction, h: TPortalArrival): string {
  const n = h.needs;
  const parts = [
    ...(n.children > 0 ? [t('accommodationPortal.need.children', { count: n.children })] : []),
    ...(n.wheelchair ? [t('accommodationPortal.need.wheelchair')] : []),
    ...(n.pets ? [t('accommodationPortal.need.pets')] : []),
    ...(n.womenProtection ? [t('accommodationPortal.need.womenProtection')] : []),
  ];
  return parts.length ? parts.join(', ') : t('accommodationPortal.need.none');
}

/** "Meine Unterkünfte": the operator's facilities with today's occupancy, arrivals expected and households living there. */
export function PortalPage() {
  const { t } = useTranslation();
  const q = usePortal();
  const [open, setOpen] = useState<{ step: Step; h: TPortalArrival } | null>(null);
  const [done, setDone] = useState<Step | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert message={errorMessage(q.error, t)} />;
  const p = q.data;
  const today = todayInBerlin();

  const steps = (h: TPortalArrival): Record<Step, AccStep> => {
    const path = { params: { path: { id: h.assignmentId } } };
    return {
      moveIn: {
        schema: ZPortalMoveIn,
        fields: moveInFields(t, h.arrivalDate > today ? h.arrivalDate : today),
        run: (body) => ok(api.POST('/accommodation/portal/assignments/{id}/move-in', { ...path, body })),
      },
      moveOut: {
        schema: ZPortalMoveOut,
        fields: moveOutFields(t, today),
        run: (body) => ok(api.POST('/accommodation/portal/assignments/{id}/move-out', { ...path, body })),
      },
      incident: {
        schema: ZIncidentInput,
        fields: incidentFields(t, today),
        run: (body) => ok(api.POST('/accommodation/portal/assignments/{id}/incidents', { ...path, body })),
      },
    };
  };

  const table = (f: TPortalFacility, state: TPortalArrival['state']) => {
    const rows = f.households.filter((h) => h.state === state);
    const caption = `${t(state === 'assigned' ? 'accommodationPortal.expected' : 'accommodationPortal.living')}: ${f.name}`;
    return (
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(h) => h.assignmentId}
        empty={t(state === 'assigned' ? 'accommodationPortal.noneExpected' : 'accommodationPortal.noneLiving')}
        columns={[
          { key: 'name', header: t('accommodationPortal.col.name'), rowHeader: true, cell: (h) => h.name },
          {
            key: 'persons',
            header: t('accommodationPortal.col.persons'),
            cell: (h) => (
              <>
                {t('accommodationPortal.personCount', { count: h.personCount })}
                <ul className="kern-list">
                  {h.persons.map((x) => (
                    <li key={`${x.name}-${x.placeLabel}`} className="kern-body">
                      {`${x.name} – ${t('accommodationPortal.place', { room: x.roomLabel, label: x.placeLabel })}`}
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
          state === 'assigned'
            ? { key: 'date', header: t('accommodationPortal.col.arrival'), cell: (h) => formatDate(h.arrivalDate) }
            : { key: 'date', header: t('accommodationPortal.col.movedIn'), cell: (h) => (h.movedInOn ? formatDate(h.movedInOn) : '–') },
          { key: 'needs', header: t('accommodationPortal.col.needs'), cell: (h) => needsOf(t, h) },
          {
            key: 'actions',
            header: t('accommodationPortal.col.actions'),
            cell: (h) => (
              <div className="row-actions">
                {(['moveIn', 'moveOut', 'incident'] as const)
                  .filter((s) => h.actions.includes(s))
                  .map((s) => (
                    <Button
                      key={s}
                      variant={s === 'incident' ? 'secondary' : 'primary'}
                      aria-label={t(`accommodationPortal.${s}For`, { name: h.name })}
                      onClick={() => {
                        setDone(null);
                        setOpen({ step: s, h });
                      }}
                    >
                      {t(`accommodationPortal.${s}`)}
                    </Button>
                  ))}
              </div>
            ),
          },
        ]}
      />
    );
  };

  return (
    <>
      <PageHeading title={t('accommodationPortal.title')}>{t('accommodationPortal.title')}</PageHeading>
      <p className="kern-body">{t('accommodationPortal.intro')}</p>
      {p.operatorName && <p className="kern-body">{t('accommodationPortal.operator', { name: p.operatorName })}</p>}
      {done && (
        <Alert variant="success">
          <p className="kern-body">{t(`accommodationPortal.done.${done}`)}</p>
        </Alert>
      )}
      {p.facilities.length === 0 && <p className="kern-body">{t('accommodationPortal.none')}</p>}
      {p.facilities.map((f) => (
        <Section key={f.id} id={`portal-${f.id}`} title={f.name}>
          <p className="kern-body">{f.address}</p>
          <p className="kern-body">{t('accommodationPortal.occupancy', f)}</p>
          <h3 className="kern-heading-small">{t('accommodationPortal.expected')}</h3>
          {table(f, 'assigned')}
          <h3 className="kern-heading-small">{t('accommodationPortal.living')}</h3>
          {table(f, 'moved_in')}
        </Section>
      ))}
      {open && (
        <AccDialog
          formId={`portal-${open.step}`}
          title={t(`accommodationPortal.${open.step}For`, { name: open.h.name })}
          intro={open.step === 'incident' ? t('accommodationPortal.incidentIntro') : undefined}
          submitLabel={t(`accommodationPortal.${open.step}`)}
          extra={open.step === 'incident' ? {} : { version: open.h.version }}
          step={steps(open.h)[open.step]}
          onClose={() => setOpen(null)}
          onDone={() => {
            setDone(open.step);
            setOpen(null);
          }}
        />
      )}
    </>
  );
}
