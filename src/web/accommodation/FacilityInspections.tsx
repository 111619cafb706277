import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ZInspectionPlanInput } from '../../contracts/accommodationInspections';
import { todayInBerlin } from '../../contracts/plausible';
import { api, ok } from '../api';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { AccDialog } from './AccDialog';
import { planFields } from './inspections.fields';
import { useInspections, type InspectionDetail } from './inspections.queries';

/** The facility page's section "Begehungen": the inspections, the open findings with deadlines, planning one. */
export function FacilityInspections({ facilityId }: { facilityId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const q = useInspections(facilityId);
  const [planning, setPlanning] = useState(false);
  const inspect = can(me, 'accommodation.inspect');
  return (
    <Section id="acc-inspections" title={t('inspections.title')}>
      {inspect && (
        <p>
          <Button icon="add" onClick={() => setPlanning(true)}>
            {t('inspections.plan')}
          </Button>
        </p>
      )}
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert message={errorMessage(q.error, t)} />
      ) : (
        <>
          <p className="kern-body">
            {q.data.nextRoutineDue
              ? t('inspections.nextRoutine', { date: formatDate(q.data.nextRoutineDue) })
              : t('inspections.noNextRoutine')}
          </p>
          <DataTable
            caption={t('inspections.title')}
            captionHidden
            rows={q.data.items}
            rowKey={(r) => r.id}
            empty={t('inspections.none')}
            columns={[
              {
                key: 'date',
                header: t('inspections.col.date'),
                rowHeader: true,
                cell: (r) => <Link to={`/accommodation/inspections/${r.id}`}>{formatDate(r.plannedOn)}</Link>,
              },
              { key: 'kind', header: t('inspections.col.kind'), cell: (r) => t(`inspections.kind.${r.kind}`) },
              { key: 'state', header: t('inspections.col.state'), cell: (r) => t(`inspections.state.${r.state}`) },
              { key: 'inspector', header: t('inspections.col.inspector'), cell: (r) => r.inspector ?? '–' },
              { key: 'failed', header: t('inspections.col.failed'), cell: (r) => String(r.failed) },
              { key: 'open', header: t('inspections.col.openFindings'), cell: (r) => String(r.openFindings) },
            ]}
          />
          <h3 className="kern-heading-small">{t('inspections.openFindings')}</h3>
          <DataTable
            caption={t('inspections.openFindings')}
            captionHidden
            rows={q.data.findings}
            rowKey={(r) => r.id}
            empty={t('inspections.noOpenFindings')}
            columns={[
              {
                key: 'finding',
                header: t('inspections.col.finding'),
                rowHeader: true,
                cell: (r) => <Link to={`/accommodation/inspections/${r.inspectionId}`}>{r.title}</Link>,
              },
              { key: 'severity', header: t('inspections.col.severity'), cell: (r) => t(`inspections.severity.${r.severity}`) },
              { key: 'due', header: t('inspections.col.due'), cell: (r) => formatDate(r.remedyDue) },
            ]}
          />
        </>
      )}
      {planning && (
        <AccDialog
          formId="acc-inspection-plan"
          title={t('inspections.plan')}
          submitLabel={t('common.save')}
          step={{
            schema: ZInspectionPlanInput,
            fields: planFields(t, todayInBerlin()),
            run: (body) => ok(api.POST('/accommodation/facilities/{id}/inspections', { params: { path: { id: facilityId } }, body })),
          }}
          onClose={() => setPlanning(false)}
          onDone={(r) => {
            setPlanning(false);
            void navigate(`/accommodation/inspections/${(r as InspectionDetail).id}`);
          }}
        />
      )}
    </Section>
  );
}
