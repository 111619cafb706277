import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { useFlash } from './flash';
import { DeadlineList } from './DeadlineList';
import { TenancyStatusBadge } from './labels';
import { useTenancyDetail } from './queries';
import { RecoverySection } from './RecoverySection';
import { TenancyActions } from './TenancyActions';
import { GuaranteePanel, IncidentTable, TenancyDocuments, TenancyOverview, TenancyTimeline } from './TenancySections';
import './sustainment.css';

/** /sustainment/tenancies/:id – the tenancy over its guarantee years: guarantee, incidents, money, timeline. */
export function TenancyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const portal = me.role === 'provider_user';
  const query = useTenancyDetail(id);
  const flash = useFlash();
  const [notice, setNotice] = useState<string | null>(flash ? t(`sustainment.flash.${flash as 'saved'}`) : null);
  const notify = useCallback((m: string) => setNotice(m), []);
  const tenancy = query.data;

  if (query.isPending) return <Loading />;
  if (query.isError || !tenancy) {
    return (
      <>
        <PageHeading title={t('sustainment.tenancy.notFound')}>{t('sustainment.tenancy.notFound')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/sustainment/tenancies" variant="secondary">
          {t('sustainment.tenancy.toList')}
        </ButtonLink>
      </>
    );
  }
  const title = t('sustainment.tenancy.title', { reference: tenancy.reference });
  const review = tenancy.closingReview;
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="sus-summary kern-body">
        <TenancyStatusBadge status={tenancy.status} />
        <span>{tenancy.address}</span>
        <span>{tenancy.provider.name}</span>
      </p>
      <div className="sus-actions sus-actions--top">
        <TenancyActions tenancy={tenancy} notify={notify} only={['reportRentDefault', 'reportConflict', 'closingReview', 'end']} />
      </div>
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>
      <div className="sus-columns">
        <Section id="tenancy-overview" title={t('sustainment.tenancy.overview')}>
          <TenancyOverview tenancy={tenancy} />
        </Section>
        <Section id="tenancy-guarantee" title={t('sustainment.guarantee.title')}>
          <GuaranteePanel tenancy={tenancy} />
        </Section>
      </div>
      {!portal && (
        <Section id="tenancy-deadlines" title={t('sustainment.deadlines.title')}>
          {tenancy.deadlines.length ? (
            <DeadlineList deadlines={tenancy.deadlines} />
          ) : (
            <p className="kern-body">{t('sustainment.deadlines.empty')}</p>
          )}
        </Section>
      )}
      <Section id="tenancy-incidents" title={t('sustainment.tenancy.incidents')}>
        <IncidentTable tenancy={tenancy} />
      </Section>
      <RecoverySection tenancy={tenancy} portal={portal} notify={notify} />
      {review && (
        <Section id="tenancy-review" title={t('sustainment.tenancy.closingReview')}>
          <DescriptionList
            items={[
              { key: 'outcome', label: t('sustainment.field.outcome'), value: t(`sustainment.outcome.${review.outcome}`) },
              { key: 'on', label: t('sustainment.field.reviewedOn'), value: formatDate(review.reviewedOn) },
              { key: 'by', label: t('sustainment.recovery.recordedBy'), value: review.reviewedBy?.displayName ?? t('common.none') },
              ...(review.note
                ? [{ key: 'note', label: t('sustainment.field.note'), value: <span className="preline">{review.note}</span> }]
                : []),
            ]}
          />
        </Section>
      )}
      <Section id="tenancy-documents" title={t('sustainment.documents.title')}>
        <TenancyDocuments tenancy={tenancy} />
      </Section>
      <Section id="tenancy-timeline" title={t('sustainment.timeline.title')}>
        <TenancyTimeline tenancy={tenancy} />
      </Section>
    </>
  );
}
