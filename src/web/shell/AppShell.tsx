import type { ReactNode } from 'react';
import { Header } from './Header';
import { Nav } from './Nav';
import { SkipLink } from './SkipLink';

/** Signed-in layout: skip link, header, left navigation, main content. */
export function AppShell({ children }: { children: ReactNode }) {
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
