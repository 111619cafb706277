import { createContext, useContext } from 'react';
import type { Offer } from './queries';

export interface OfferPage {
  offer: Offer;
  /** The signed-in user is a housing company's user (portal view). */
  portal: boolean;
  /** Shows a success message at the top of the page (polite status region). */
  notify: (message: string) => void;
  /** Reloads the offer and everything under it. */
  refresh: () => Promise<unknown>;
}

export const OfferPageContext = createContext<OfferPage | null>(null);

/** The offer page around a section. */
export function useOfferPage(): OfferPage {
  const ctx = useContext(OfferPageContext);
  if (!ctx) throw new Error('useOfferPage outside the offer page');
  return ctx;
}

/** What a step form of the offer page does after success and after a conflict: reload the offer. */
export function useOfferStepRefresh() {
  const page = useOfferPage();
  return { refresh: page.refresh, reload: page.refresh };
}
