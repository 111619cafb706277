import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Tab as AriaTab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { CheckSection } from './CheckSection';
import { ContractsSection } from './ContractsSection';
import { OfferPageContext, type OfferPage } from './context';
import { OfferStatus } from './labels';
import type { Flash } from './OfferEditor';
import { OfferActions } from './OfferActions';
import { OverviewSection } from './OverviewSection';
import { PortalCandidatesSection } from './PortalCandidatesSection';
import { useOffer, useRefreshOffer } from './queries';
import { RankingSection } from './RankingSection';
import { RoundTableSection } from './RoundTableSection';
import { ShortlistSection } from './ShortlistSection';
import { defaultTab, parseTab, visibleTabs, type Tab } from './tabs';
import { TimelineSection } from './TimelineSection';
import './placement.css';

const PANELS: Record<Tab, () => ReactNode> = {
  overview: () => <OverviewSection />,
  check: () => <CheckSection />,
  ranking: () => <RankingSection />,
  shortlist: () => <ShortlistSection />,
  candidates: () => <PortalCandidatesSection />,
  roundTable: () => <RoundTableSection />,
  contracts: () => <ContractsSection />,
  timeline: () => <TimelineSection />,
};

/** One offer: its data and, per tab, every step of the process the user may take now. */
export function OfferDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const location = useLocation();
  const [searchParams, setSearchParams] = useSearchParams();
  const flash = (location.state as { flash?: Flash } | null)?.flash;
  const [notice, setNotice] = useState<string | null>(flash ? t(`placement.form.${flash}`) : null);
  const query = useOffer(id);
  const refresh = useRefreshOffer(id);
  const portal = me.role === 'provider_user';
  const notify = useCallback((message: string) => setNotice(message), []);
  const navigate = useNavigate();
  // The flash is shown once: drop it from the history entry so a reload does not repeat it.
  useEffect(() => {
    if (flash) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival

  const offer = query.data;
  const page = useMemo<OfferPage | null>(() => (offer ? { offer, portal, notify, refresh } : null), [offer, portal, notify, refresh]);

  if (query.isPending) return <Loading />;
  if (query.isError || !offer || !page) {
    return (
      <>
        <PageHeading title={t('placement.queue.title')}>{t('placement.queue.title')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/placement" variant="secondary">
          {t('placement.detail.toList')}
        </ButtonLink>
      </>
    );
  }

  const tabs = visibleTabs(offer, portal, me.permissions);
  const selected = parseTab(searchParams.get('tab'), tabs) ?? defaultTab(offer, tabs);
  const title = t('placement.detail.title', { reference: offer.reference });
  const select = (key: Tab) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', key);
    setSearchParams(next, { replace: true });
  };

  return (
    <OfferPageContext.Provider value={page}>
      <PageHeading title={title} actions={<OfferActions />}>
        {title}
      </PageHeading>
      <p className="offer-summary kern-body">
        <OfferStatus status={offer.status} />
        <span>{`${offer.street}, ${offer.postalCode} ${offer.city} (${offer.district})`}</span>
        {offer.round > 1 && <span>{t('placement.detail.round', { round: offer.round })}</span>}
      </p>
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>
      <Tabs className="offer-tabs" selectedKey={selected} onSelectionChange={(k) => select(k as Tab)}>
        <TabList aria-label={t('placement.detail.tabs')} className="offer-tabs__list">
          {tabs.map((tab) => (
            <AriaTab key={tab} id={tab} className="offer-tabs__tab">
              {t(`placement.detail.tab.${tab}`)}
            </AriaTab>
          ))}
        </TabList>
        {tabs.map((tab) => (
          <TabPanel key={tab} id={tab} className="offer-tabs__panel">
            {PANELS[tab]()}
          </TabPanel>
        ))}
      </Tabs>
    </OfferPageContext.Provider>
  );
}
