import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../auth/can';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { useFlash } from '../sustainment/flash';
import { CaseActions } from './CaseActions';
import { CaseOverview } from './CaseOverview';
import { ContactsSection, FollowUpsSection, PlanSection, ReferralsSection, TransfersSection, VisitsSection } from './CaseSections';
import { AftercareStateBadge } from './labels';
import { useAftercareCase } from './queries';
import '../sustainment/sustainment.css';
import './aftercare.css';

/** /aftercare/cases/:id – the case: state and steps, overview, help plan, visits, referrals, contacts, follow-ups. */
export function AftercareCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const query = useAftercareCase(id);
  const flash = useFlash();
  const [notice, setNotice] = useState<string | null>(flash ? t(`aftercare.done.${flash as 'referred'}`) : null);
  const notify = useCallback((m: string) => setNotice(m), []);
  const c = query.data;

  if (query.isPending) return <Loading />;
  if (query.isError || !c) {
    return (
      <>
        <PageHeading title={t('aftercare.case.notFound')}>{t('aftercare.case.notFound')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/aftercare" variant="secondary">
          {t('aftercare.case.toList')}
        </ButtonLink>
      </>
    );
  }
  const title = t('aftercare.case.title', { reference: c.reference });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="sus-summary kern-body">
        <AftercareStateBadge state={c.state} />
        <span>{c.household.name}</span>
        <span>{c.carrier.name}</span>
      </p>
      {c.view === 'carrier' && <p className="kern-hint">{t('aftercare.case.carrierView')}</p>}
      <CaseActions c={c} notify={notify} />
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>
      <Section id="aftercare-overview" title={t('aftercare.case.overview')}>
        <CaseOverview c={c} />
      </Section>
      <PlanSection c={c} notify={notify} />
      <VisitsSection c={c} />
      <ReferralsSection c={c} notify={notify} />
      <ContactsSection c={c} notify={notify} />
      <FollowUpsSection c={c} notify={notify} />
      <TransfersSection c={c} enabled={can(me, 'aftercare.transfers')} />
    </>
  );
}
