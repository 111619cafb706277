import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ZFacilityInput, ZOperatorInput } from '../../contracts/accommodation';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button, ButtonLink } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { AccDialog } from './AccDialog';
import { facilityFields, operatorFields } from './fields';
import { useFacilities, useOperators, useStays } from './queries';

/** "Unterbringung": the facilities with today's occupancy, the operators, and the running assignments. */
export function AccommodationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const manage = can(me, 'accommodation.manage');
  const facilities = useFacilities();
  const operators = useOperators();
  const stays = useStays(null);
  const [open, setOpen] = useState<'operator' | 'facility' | null>(null);
  const title = t('accommodation.title');
  const operatorOptions = (operators.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));

  return (
    <>
      <PageHeading
        title={title}
        actions={
          (manage || can(me, 'accommodation.billing.read') || can(me, 'accommodation.checklist')) && (
            <>
              {can(me, 'accommodation.billing.read') && (
                <ButtonLink variant="secondary" to="/accommodation/billing">
                  {t('accBilling.title')}
                </ButtonLink>
              )}
              {manage && (
                <>
                  <Button variant="secondary" icon="add" onClick={() => setOpen('operator')}>
                    {t('accommodation.newOperator')}
                  </Button>
                  <Button icon="add" onClick={() => setOpen('facility')} disabled={operatorOptions.length === 0}>
                    {t('accommodation.newFacility')}
                  </Button>
                </>
              )}
              {can(me, 'accommodation.checklist') && (
                <ButtonLink to="/accommodation/checklist" variant="secondary">
                  {t('inspections.checklist.link')}
                </ButtonLink>
              )}
            </>
          )
        }
      >
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{t('accommodation.intro')}</p>
      {can(me, 'accommodation.statistics') && (
        <p className="kern-body">
          <Link to="/accommodation/statistics">{t('accStats.link')}</Link>
        </p>
      )}
      <p className="kern-body">
        <Link to="/accommodation/occupancy">{t('occupancy.title')}</Link>
      </p>

      <Section id="acc-facilities" title={t('accommodation.facilities')}>
        {facilities.isPending ? (
          <Loading />
        ) : facilities.isError ? (
          <ErrorAlert message={errorMessage(facilities.error, t)} />
        ) : (
          <DataTable
            caption={t('accommodation.facilities')}
            captionHidden
            rows={facilities.data.items}
            rowKey={(r) => r.id}
            empty={t('accommodation.noFacilities')}
            columns={[
              {
                key: 'name',
                header: t('accommodation.col.name'),
                rowHeader: true,
                cell: (r) => <Link to={`/accommodation/facilities/${r.id}`}>{r.name}</Link>,
              },
              { key: 'operator', header: t('accommodation.col.operator'), cell: (r) => r.operatorName },
              { key: 'district', header: t('accommodation.col.district'), cell: (r) => r.district ?? '–' },
              { key: 'provision', header: t('accommodation.col.provision'), cell: (r) => t(`accommodation.provision.${r.provision}`) },
              { key: 'state', header: t('accommodation.col.state'), cell: (r) => t(`accommodation.facilityState.${r.state}`) },
              { key: 'occ', header: t('accommodation.col.occupancy'), cell: (r) => t('accommodation.occupancyValue', r.occupancy) },
            ]}
          />
        )}
      </Section>

      <Section id="acc-stays" title={t('accommodation.stays')}>
        {stays.isPending ? (
          <Loading />
        ) : stays.isError ? (
          <ErrorAlert message={errorMessage(stays.error, t)} />
        ) : (
          <DataTable
            caption={t('accommodation.stays')}
            captionHidden
            rows={stays.data.items}
            rowKey={(r) => r.id}
            empty={t('accommodation.noStays')}
            columns={[
              {
                key: 'household',
                header: t('accommodation.col.household'),
                rowHeader: true,
                cell: (r) => <Link to={`/accommodation/assignments/${r.id}`}>{`${r.household.reference} – ${r.household.name}`}</Link>,
              },
              { key: 'facility', header: t('accommodation.col.facility'), cell: (r) => r.facility.name },
              { key: 'from', header: t('accommodation.col.from'), cell: (r) => formatDate(r.movedInOn ?? r.fromDate) },
              { key: 'persons', header: t('accommodation.col.persons'), numeric: true, cell: (r) => String(r.persons.length) },
              { key: 'state', header: t('accommodation.col.state'), cell: (r) => t(`accommodation.assignmentState.${r.state}`) },
            ]}
          />
        )}
      </Section>

      <Section id="acc-operators" title={t('accommodation.operators')}>
        {operators.data && (
          <DataTable
            caption={t('accommodation.operators')}
            captionHidden
            rows={operators.data.items}
            rowKey={(r) => r.id}
            empty={t('accommodation.noOperators')}
            columns={[
              { key: 'name', header: t('accommodation.col.name'), rowHeader: true, cell: (r) => r.name },
              {
                key: 'kind',
                header: t('accommodation.col.kind'),
                cell: (r) =>
                  t(`accommodation.operatorKind.${r.kind}`) +
                  (r.welfareAssociation ? ` (${t(`accommodation.welfare.${r.welfareAssociation}`)})` : ''),
              },
              { key: 'count', header: t('accommodation.col.facilitiesCount'), numeric: true, cell: (r) => String(r.facilities) },
            ]}
          />
        )}
      </Section>

      {open === 'operator' && (
        <AccDialog
          formId="acc-operator"
          title={t('accommodation.newOperator')}
          submitLabel={t('common.save')}
          step={{ schema: ZOperatorInput, fields: operatorFields(t), run: (body) => ok(api.POST('/accommodation/operators', { body })) }}
          onClose={() => setOpen(null)}
          onDone={() => setOpen(null)}
        />
      )}
      {open === 'facility' && (
        <AccDialog
          formId="acc-facility"
          title={t('accommodation.newFacility')}
          submitLabel={t('common.save')}
          step={{
            schema: ZFacilityInput,
            fields: facilityFields(t, operatorOptions),
            run: (body) => ok(api.POST('/accommodation/facilities', { body })),
          }}
          onClose={() => setOpen(null)}
          onDone={(r) => navigate(`/accommodation/facilities/${(r as { id: string }).id}`)}
        />
      )}
    </>
  );
}
