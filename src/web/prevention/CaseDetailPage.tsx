import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Tab as AriaTab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TCaseState } from '../../contracts/prevention';
import { Alert, ErrorAlert } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { errorMessage } from '../i18n/errors';
import { ClearingSection } from './ClearingSection';
import { ClosingSection } from './ClosingSection';
import { ContactSection } from './ContactSection';
import { CasePageContext, type CasePage } from './context';
import { HistorySection } from './HistorySection';
import { CaseState, OutcomeBadge } from './labels';
import { LegalClockPanel } from './LegalClockPanel';
import { MeasuresSection } from './MeasuresSection';
import { OverviewSection } from './OverviewSection';
import { useCase, useRefreshCase } from './queries';
import { ReferralsSection } from './ReferralsSection';
import './prevention.css';

const TABS = ['overview', 'contact', 'clearing', 'measures', 'closing', 'history'] as const;
type Tab = (typeof TABS)[number];
const DEFAULT_TAB: Record<TCaseState, Tab> = { contacting: 'contact', clearing: 'clearing', measures: 'measures', closed: 'closing' };

const PANELS: Record<Tab, () => ReactNode> = {
  overview: () => <OverviewSection />,
  contact: () => <ContactSection />,
  clearing: () => <ClearingSection />,
  measures: () => (
    <>
      <MeasuresSection />
      <ReferralsSection />
    </>
  ),
  closing: () => <ClosingSection />,
  history: () => <HistorySection />,
};

/** One prevention case: the legal clock on top, then per tab every step the user may take now. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const [notice, setNotice] = useState<string | null>(
    flash === 'created'
      ? t('prevention.detail.created')
      : flash === 'noticeAdded'
        ? t('prevention.detail.noticeAdded')
        : flash === 'saved'
          ? t('prevention.detail.saved')
          : null,
  );
  const query = useCase(id);
  const refresh = useRefreshCase(id);
  const notify = useCallback((message: string) => setNotice(message), []);
  useEffect(() => {
    if (flash) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival

  const c = query.data;
  // The tab that fits the case's state when the page opened; a step that moves the case on does not switch tabs under the user.
  const firstTab = useRef<Tab | null>(null);
  if (c && !firstTab.current) firstTab.current = DEFAULT_TAB[c.status];
  const page = useMemo<CasePage | null>(
    () => (c ? { case: c, notify, refresh, can: (step: string) => c.actions.includes(step) } : null),
    [c, notify, refresh],
  );

  if (query.isPending) return <Loading />;
  if (query.isError || !c || !page) {
    return (
      <>
        <PageHeading title={t('prevention.queue.title')}>{t('prevention.queue.title')}</PageHeading>
        <ErrorAlert message={errorMessage(query.error, t)} />
        <ButtonLink to="/prevention" variant="secondary">
          {t('prevention.detail.toList')}
        </ButtonLink>
      </>
    );
  }

  const tabParam = searchParams.get('tab');
  const selected: Tab = (TABS as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as Tab)
    : (firstTab.current ?? DEFAULT_TAB[c.status]);
  const title = t('prevention.detail.title', { reference: c.reference });
  const select = (key: Tab) => {
    const next = new URLSearchParams(searchParams);
    next.set('tab', key);
    setSearchParams(next, { replace: true });
  };

  return (
    <CasePageContext.Provider value={page}>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="case-summary kern-body">
        {c.outcome ? <OutcomeBadge outcome={c.outcome} /> : <CaseState status={c.status} />}
        <span>{t(`prevention.stage.${c.threatStage}`)}</span>
        <span>{c.household.name}</span>
        <span>{`${c.street}, ${c.postalCode} ${c.city}`}</span>
      </p>
      <div aria-live="polite">
        {notice && (
          <Alert variant="success">
            <p className="kern-body">{notice}</p>
          </Alert>
        )}
      </div>
      <LegalClockPanel />
      <Tabs className="case-tabs" selectedKey={selected} onSelectionChange={(k) => select(k as Tab)}>
        <TabList aria-label={t('prevention.detail.tabs')} className="case-tabs__list">
          {TABS.map((tab) => (
            <AriaTab key={tab} id={tab} className="case-tabs__tab">
              {t(`prevention.detail.tab.${tab}`)}
            </AriaTab>
          ))}
        </TabList>
        {TABS.map((tab) => (
          <TabPanel key={tab} id={tab} className="case-tabs__panel">
            {PANELS[tab]()}
          </TabPanel>
        ))}
      </Tabs>
    </CasePageContext.Provider>
  );
}
