import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { OfferEditor } from './OfferEditor';
import { useOffer } from './queries';
import './placement.css';

export function OfferNewPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('placement.form.newTitle')}>{t('placement.form.newTitle')}</PageHeading>
      <OfferEditor />
    </>
  );
}

export function OfferEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useOffer(id);
  const [generation, setGeneration] = useState(0);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <PageHeading title={t('placement.detail.actions.edit')}>{t('placement.detail.actions.edit')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
      </>
    );
  }
  const offer = query.data;
  const title = t('placement.form.editTitle', { reference: offer.reference });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {offer.actions.includes('edit') ? (
        <OfferEditor
          key={`${offer.id}-${generation}`}
          offer={offer}
          onReload={() => void query.refetch().then(() => setGeneration((g) => g + 1))}
        />
      ) : (
        <>
          <p className="kern-body">{t('placement.form.notEditable')}</p>
          <ButtonLink to={`/placement/offers/${offer.id}`} variant="secondary">
            {t('common.back')}
          </ButtonLink>
        </>
      )}
    </>
  );
}
