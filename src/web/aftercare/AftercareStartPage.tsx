import { useTranslation } from 'react-i18next';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { ButtonLink } from '../components/Button';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { CaseListView } from './CaseListView';
import { QueueView } from './QueueView';
import '../sustainment/sustainment.css';
import './aftercare.css';

/** /aftercare: the carrier's work list (visits due, overdue, ending soon) or, for the Fachstelle, all cases. */
export function AftercareStartPage() {
  const { t } = useTranslation();
  const me = useMe();
  const carrier = can(me, 'aftercare.queue');
  const title = t('aftercare.start.title');
  const actions = (
    <div className="ac-links">
      {can(me, 'aftercare.refer') && (
        <ButtonLink to="/aftercare/cases/new" icon="add">
          {t('aftercare.list.newReferral')}
        </ButtonLink>
      )}
      {can(me, 'aftercare.agreement.list') && (
        <ButtonLink to="/aftercare/agreements" variant="secondary">
          {t('aftercare.list.agreements')}
        </ButtonLink>
      )}
      {can(me, 'aftercare.report') && (
        <ButtonLink to="/aftercare/reports" variant="secondary">
          {t('aftercare.list.reports')}
        </ButtonLink>
      )}
    </div>
  );
  return (
    <>
      <PageHeading title={title} actions={actions}>
        {title}
      </PageHeading>
      <p className="kern-body page-intro">{carrier ? t('aftercare.start.intro') : t('aftercare.start.officeIntro')}</p>
      {carrier ? (
        <>
          <QueueView />
          <Section id="aftercare-all" title={t('aftercare.start.allCases')}>
            <CaseListView carrierFilter={false} />
          </Section>
        </>
      ) : (
        <CaseListView />
      )}
    </>
  );
}
