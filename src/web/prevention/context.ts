import { createContext, useContext } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { preventionKeys, type PreventionCase } from './queries';

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

/** After a step of the case: show the case the server answered at once, refresh the lists; after a conflict: reload. */
export function useCaseStepRefresh() {
  const page = useCasePage();
  const queryClient = useQueryClient();
  return {
    refresh: (result: PreventionCase) => {
      queryClient.setQueryData(preventionKeys.case(result.id), result);
      void queryClient.invalidateQueries({ queryKey: ['prevention', 'list'] });
    },
    reload: page.refresh,
  };
}
