import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ZCancelInput, ZMoveInInput, ZMoveOutInput } from '../../contracts/accommodationStays';
import { todayInBerlin } from '../../contracts/plausible';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { formatEuro } from '../../contracts/format';
import { AccDialog, type AccStep } from './AccDialog';
import { IncidentsSection } from './IncidentsSection';
import { cancelFields, moveInFields, moveOutFields } from './fields';
import { documentUrl, useAssignment } from './queries';

type Step = 'moveIn' | 'moveOut' | 'cancel';

/** One assignment: household, facility, persons and places, who pays, the two letters, and the next steps (move in, move out, cancel). */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const created = (useLocation().state as { flash?: string } | null)?.flash === 'created';
  const q = useAssignment(id);
  const [open, setOpen] = useState<Step | null>(null);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert message={errorMessage(q.error, t)} />;
  const a = q.data;
  const title = t('accommodation.assignment.title', { reference: a.household.reference });
  const today = todayInBerlin();
  const steps: Record<Step, AccStep> = {
    moveIn: {
      schema: ZMoveInInput,
      fields: moveInFields(t, a.fromDate > today ? a.fromDate : today),
      run: (body) => ok(api.POST('/accommodation/assignments/{id}/move-in', { params: { path: { id } }, body })),
    },
    moveOut: {
      schema: ZMoveOutInput,
      fields: moveOutFields(t, today),
      run: (body) => ok(api.POST('/accommodation/assignments/{id}/move-out', { params: { path: { id } }, body })),
    },
    cancel: {
      schema: ZCancelInput,
      fields: cancelFields(t),
      run: (body) => ok(api.POST('/accommodation/assignments/{id}/cancel', { params: { path: { id } }, body })),
    },
  };
  return (
    <>
      <PageHeading
        title={title}
        actions={(['moveIn', 'moveOut', 'cancel'] as const)
          .filter((s) => a.actions.includes(s))
          .map((s) => (
            <Button key={s} variant={s === 'cancel' ? 'secondary' : 'primary'} onClick={() => setOpen(s)}>
              {t(`accommodation.assignment.${s}`)}
            </Button>
          ))}
      >
        {title}
      </PageHeading>
      {created && (
        <Alert variant="success">
          <p className="kern-body">{t('accommodation.assignment.created')}</p>
        </Alert>
      )}
      <DescriptionList
        items={[
          {
            key: 'h',
            label: t('accommodation.col.household'),
            value: <Link to={`/households/${a.household.id}`}>{`${a.household.reference} – ${a.household.name}`}</Link>,
          },
          {
            key: 'f',
            label: t('accommodation.col.facility'),
            value: <Link to={`/accommodation/facilities/${a.facility.id}`}>{a.facility.name}</Link>,
          },
          { key: 's', label: t('accommodation.assignment.state'), value: t(`accommodation.assignmentState.${a.state}`) },
          { key: 'from', label: t('accommodation.field.fromDate'), value: formatDate(a.fromDate) },
          ...(a.movedInOn ? [{ key: 'in', label: t('accommodation.field.movedInOn'), value: formatDate(a.movedInOn) }] : []),
          ...(a.movedOutOn && a.moveOutReason
            ? [
                {
                  key: 'out',
                  label: t('accommodation.field.movedOutOn'),
                  value: t('accommodation.assignment.outcome', {
                    date: formatDate(a.movedOutOn),
                    reason: t(`accommodation.moveOutReason.${a.moveOutReason}`),
                  }),
                },
              ]
            : []),
          { key: 'payer', label: t('accommodation.field.payer'), value: t(`accommodation.payer.${a.payer}`) },
          { key: 'own', label: t('accommodation.assignment.contribution'), value: formatEuro(a.ownContributionCents) },
          { key: 'law', label: t('accommodation.assignment.legalBasis'), value: a.legalBasis },
          ...(a.previousId
            ? [
                {
                  key: 'prev',
                  label: t('accommodation.assignment.history'),
                  value: <Link to={`/accommodation/assignments/${a.previousId}`}>{a.previousId.slice(0, 8)}</Link>,
                },
              ]
            : []),
        ]}
      />
      <Section id="acc-persons" title={t('accommodation.assignment.persons')}>
        <DataTable
          caption={t('accommodation.assignment.persons')}
          captionHidden
          rows={a.persons}
          rowKey={(p) => p.memberId}
          empty="–"
          columns={[
            { key: 'name', header: t('accommodation.col.name'), rowHeader: true, cell: (p) => p.name },
            {
              key: 'place',
              header: t('accommodation.field.place', { name: '' }).trim(),
              cell: (p) => t('accommodation.search.placeRow', { room: p.roomLabel, label: p.placeLabel }),
            },
            {
              key: 'from',
              header: t('accommodation.col.from'),
              cell: (p) => `${formatDate(p.fromDate)}${p.untilDate ? ` – ${formatDate(p.untilDate)}` : ''}`,
            },
          ]}
        />
      </Section>
      <Section id="acc-documents" title={t('accommodation.assignment.documents')}>
        <ul className="kern-list">
          {a.documents.map((d) => (
            <li key={d.id} className="kern-body">
              <a href={documentUrl(a.id, d.id)} download>
                {t(`documentTemplates.kind.${d.kind}` as never)}
              </a>
            </li>
          ))}
        </ul>
      </Section>
      <IncidentsSection assignmentId={a.id} />
      {open && (
        <AccDialog
          formId={`acc-${open}`}
          title={t(`accommodation.assignment.${open}`)}
          submitLabel={t(`accommodation.assignment.${open}`)}
          extra={{ version: a.version }}
          step={steps[open]}
          onClose={() => setOpen(null)}
          onDone={() => setOpen(null)}
        />
      )}
    </>
  );
}
