import { createContext, useContext } from 'react';
import type { PreventionCase } from './queries';

export interface CasePage {
  case: PreventionCase;
  /** Shows a success message at the top of the page (polite status region). */
  notify: (message: string) => void;
  /** Reloads the case and the queue. */
  refresh: () => Promise<unknown>;
  /** The step is among the case's `actions` for the signed-in user. */
  can: (step: string) => boolean;
}

export const CasePageContext = createContext<CasePage | null>(null);

export function useCasePage(): CasePage {
  const ctx = useContext(CasePageContext);
  if (!ctx) throw new Error('useCasePage outside the case page');
  return ctx;
}
