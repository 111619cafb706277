import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SGB_X_78_NOTICE } from '../../contracts/placement';
import { api, ok } from '../api';
import { Alert, ErrorAlert } from '../components/Alert';
import { Button } from '../components/Button';
import { DescriptionList } from '../components/DescriptionList';
import { Loading } from '../components/Loading';
import { Section } from '../components/Section';
import { errorMessage } from '../i18n/errors';
import { formatDate } from '../i18n/format';
import { useOfferPage } from './context';
import { CandidateStatus } from './labels';
import { isPortalCandidate, useCandidates, type PortalCandidate } from './queries';
import { ReasonDialog } from './ReasonDialog';
import { ViewingList } from './ViewingList';

/**
 * What a housing company sees of presented households: the allow-listed fields only, under the
 * § 78 SGB X notice, and the veto.
 */
export function PortalCandidatesSection() {
  const { t } = useTranslation();
  const { offer, notify } = useOfferPage();
  const list = useCandidates(offer.id);
  const [vetoing, setVetoing] = useState<PortalCandidate | null>(null);
  const items = (list.data?.items ?? []).filter(isPortalCandidate);
  // The heading already names the section of the law; the text starts with it, too.
  const notice = (list.data?.notice ?? SGB_X_78_NOTICE).replace(/^Hinweis nach § 78 SGB X:\s*/, '');

  return (
    <Section id="offer-portal-candidates" title={t('placement.portal.title')}>
      <Alert variant="warning" title={t('placement.portal.noticeTitle')}>
        <p className="kern-body">{notice}</p>
      </Alert>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert message={errorMessage(list.error, t)} />
      ) : items.length === 0 ? (
        <p className="kern-body">{t('placement.portal.empty')}</p>
      ) : (
        <ul className="candidate-list">
          {items.map((c) => (
            <li key={c.id}>
              <article className="candidate kern-card" aria-labelledby={`portal-candidate-${c.id}`}>
                <header className="candidate__header">
                  <h3 id={`portal-candidate-${c.id}`} className="kern-heading-small">
                    {t('placement.portal.heading', { pseudonym: c.pseudonym, firstName: c.firstName })}
                  </h3>
                  <CandidateStatus status={c.status} />
                </header>
                <DescriptionList
                  items={[
                    { key: 'persons', label: t('placement.portal.persons'), value: c.persons },
                    { key: 'adults', label: t('placement.portal.adults'), value: c.adults },
                    { key: 'children', label: t('placement.portal.children'), value: c.children },
                    { key: 'pets', label: t('placement.portal.pets'), value: c.pets ? t('common.yes') : t('common.no') },
                    { key: 'moveIn', label: t('placement.portal.moveInFrom'), value: formatDate(c.moveInFrom) || t('common.none') },
                  ]}
                />
                <ViewingList viewings={c.viewings} />
                {c.actions.includes('veto') && (
                  <div className="candidate__actions">
                    <Button variant="secondary" icon="close" onClick={() => setVetoing(c)}>
                      {t('placement.shortlist.actions.veto')}
                    </Button>
                  </div>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}
      {vetoing && (
        <ReasonDialog
          isOpen
          onClose={() => setVetoing(null)}
          formId="candidate-veto"
          title={t('placement.veto.title', { pseudonym: vetoing.pseudonym })}
          label={t('placement.veto.reason')}
          submitLabel={t('placement.shortlist.actions.veto')}
          run={(reason) => ok(api.POST('/candidates/{id}/veto', { params: { path: { id: vetoing.id } }, body: { reason } }))}
          onDone={() => {
            setVetoing(null);
            notify(t('placement.veto.saved'));
          }}
        />
      )}
    </Section>
  );
}
