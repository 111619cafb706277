import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { DataTable } from '../components/DataTable';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { useIncidents } from './queries';

/** The incidents the operator reported on an assignment (portal), for the staff on the assignment page. */
export function IncidentsSection({ assignmentId }: { assignmentId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const allowed = can(me, 'accommodation.incidents');
  const q = useIncidents(assignmentId, allowed);
  if (!allowed) return null;
  return (
    <Section id="acc-incidents" title={t('accommodationPortal.incidents.title')}>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert message={errorMessage(q.error, t)} />
      ) : (
        <DataTable
          caption={t('accommodationPortal.incidents.title')}
          captionHidden
          rows={q.data.items}
          rowKey={(i) => i.id}
          empty={t('accommodationPortal.incidents.none')}
          columns={[
            { key: 'on', header: t('accommodationPortal.incidents.occurredOn'), rowHeader: true, cell: (i) => formatDate(i.occurredOn) },
            { key: 'kind', header: t('accommodationPortal.incidents.kind'), cell: (i) => t(`accommodationPortal.incidentKind.${i.kind}`) },
            { key: 'text', header: t('accommodationPortal.incidents.text'), cell: (i) => i.text },
            { key: 'by', header: t('accommodationPortal.incidents.reportedBy'), cell: (i) => `${i.reportedBy}, ${i.facilityName}` },
          ]}
        />
      )}
    </Section>
  );
}
