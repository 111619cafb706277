import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../components/Loading';
import { MODULE_TEXTS } from '../i18n';
import { Header } from './Header';
import { Nav } from './Nav';
import { SkipLink } from './SkipLink';

/** Signed-in layout: skip link, header, left navigation, main content — once the module texts are there. */
export function AppShell({ children }: { children: ReactNode }) {
  // The module areas' texts are a chunk of their own, fetched after login (i18n/index.ts).
  const { ready } = useTranslation(MODULE_TEXTS, { useSuspense: false });
  if (!ready) return <Loading />;
  return (
    <div className="app">
      <SkipLink />
      <Header />
      <div className="app-body">
        <Nav />
        <main id="main" className="app-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
