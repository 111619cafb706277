import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '../../contracts/format';
import { ErrorAlert } from '../components/Alert';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { ContractsForm } from './ContractsForm';
import { useOfferPage } from './context';
import { DocumentList } from './DocumentList';
import { useTenancy } from './queries';

/** Guarantee contract and lease: the form after allocation, then the tenancy and the generated PDFs. */
export function ContractsSection() {
  const { t } = useTranslation();
  const { offer } = useOfferPage();
  return (
    <>
      <Section id="offer-contracts" title={t('placement.contracts.title')}>
        {offer.actions.includes('concludeLease') ? (
          <ContractsForm />
        ) : offer.tenancyId ? (
          <TenancySummary id={offer.tenancyId} />
        ) : (
          <p className="kern-body">{t('placement.contracts.notYet')}</p>
        )}
      </Section>
      <Section id="offer-contract-documents" title={t('placement.contracts.documents')}>
        <DocumentList />
      </Section>
    </>
  );
}

function TenancySummary({ id }: { id: string }) {
  const { t } = useTranslation();
  const tenancy = useTenancy(id);
  if (tenancy.isPending) return <Loading />;
  if (tenancy.isError) return <ErrorAlert message={errorMessage(tenancy.error, t)} />;
  const x = tenancy.data;
  const none = t('common.none');
  return (
    <div className="stack">
      <p className="kern-body">
        <Link className="kern-link" to="/placement/tenancies">
          {t('placement.contracts.tenancyLink', { reference: x.reference })}
        </Link>
      </p>
      <DescriptionList
        items={[
          { key: 'start', label: t('placement.contracts.leaseStart'), value: formatDate(x.leaseStart) },
          { key: 'rent', label: t('placement.contracts.rent'), value: formatEuro(x.coldRentCents) },
          {
            key: 'period',
            label: t('placement.contracts.guaranteePeriod'),
            value: t('placement.contracts.guaranteePeriodValue', { start: formatDate(x.guaranteeStart), end: formatDate(x.guaranteeEnd) }),
          },
          { key: 'max', label: t('placement.contracts.guaranteeMaxShort'), value: formatEuro(x.guaranteeMaxCents) },
          {
            key: 'items',
            label: t('placement.contracts.guaranteeItems'),
            value: x.guaranteeItems.map((i) => t(`placement.guarantee.${i}`)).join(', '),
          },
          { key: 'cm', label: t('placement.contracts.contactPerson'), value: x.contactPerson?.displayName ?? none },
          { key: 'sw', label: t('placement.contracts.socialWorker'), value: x.socialWorker?.displayName ?? none },
        ]}
      />
    </div>
  );
}
