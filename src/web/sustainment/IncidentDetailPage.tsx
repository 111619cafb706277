import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { DeadlineList } from './DeadlineList';
import { useFlash } from './flash';
import { IncidentActions } from './IncidentActions';
import { IncidentHistory } from './IncidentHistory';
import { IncidentProgress } from './IncidentProgress';
import { IncidentRecord, IncidentReport } from './IncidentRecord';
import { IncidentStateBadge } from './labels';
import { useIncident, useTenancyDetail } from './queries';
import './sustainment.css';

/** /sustainment/incidents/:id – one rent default or conflict: where it stands, the next steps, what was recorded. */
export function IncidentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const portal = me.role === 'provider_user';
  const query = useIncident(id);
  const tenancy = useTenancyDetail(query.data?.tenancy.id ?? '', !!query.data);
  const flash = useFlash();
  const [notice, setNotice] = useState<string | null>(flash ? t(`sustainment.flash.${flash as 'reported'}`) : null);
  const notify = useCallback((m: string) => setNotice(m), []);
  const incident = query.data;

  if (query.isPending) return <Loading />;
  if (query.isError || !incident) {
    return (
      <>
        <PageHeading title={t('sustainment.incident.notFound')}>{t('sustainment.incident.notFound')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/sustainment" variant="secondary">
          {t('sustainment.incident.toQueue')}
        </ButtonLink>
      </>
    );
  }

  const title = t('sustainment.incident.title', { kind: t(`sustainment.kind.${incident.kind}`), reference: incident.reference });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="sus-summary kern-body">
        <IncidentStateBadge state={incident.state} />
        <span>
          {t('sustainment.incident.tenancy')}{' '}
          <Link className="kern-link" to={`/sustainment/tenancies/${incident.tenancy.id}`}>
            {`${incident.tenancy.reference}, ${incident.tenancy.address}`}
          </Link>
        </span>
        {incident.tenancy.household && (
          <span>
            {t('sustainment.incident.household')}{' '}
            <Link className="kern-link" to={`/households/${incident.tenancy.household.id}`}>
              {`${incident.tenancy.household.name} (${incident.tenancy.household.reference})`}
            </Link>
          </span>
        )}
        {incident.round > 1 && <span>{t('sustainment.incident.round', { round: incident.round })}</span>}
      </p>
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>

      <div className="sus-columns">
        <Section id="incident-progress" title={t('sustainment.incident.progress')}>
          <IncidentProgress incident={incident} />
        </Section>
        <Section id="incident-actions" title={t('sustainment.incident.nextSteps')}>
          <IncidentActions incident={incident} remainingCents={tenancy.data?.guarantee.remainingCents ?? null} notify={notify} />
          {!portal && incident.deadlines.length > 0 && (
            <>
              <h3 className="kern-heading-small">{t('sustainment.deadlines.title')}</h3>
              <DeadlineList deadlines={incident.deadlines} />
            </>
          )}
        </Section>
      </div>
      <Section id="incident-report" title={t('sustainment.incident.report')}>
        <IncidentReport incident={incident} />
      </Section>
      <IncidentRecord incident={incident} portal={portal} />
      <Section id="incident-history" title={t('sustainment.incident.history')}>
        <IncidentHistory incident={incident} />
      </Section>
    </>
  );
}
