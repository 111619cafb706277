import { createContext, useContext } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { TMe } from '../../contracts/auth';
import { api, ApiError, ok, setCsrfToken } from '../api';

export type Me = TMe;
export const ME_KEY = ['me'] as const;

/** GET /me; a 401 simply means "not signed in". */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await ok(api.GET('/me'));
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function storeMe(queryClient: QueryClient, me: Me | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(ME_KEY, me);
}

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only inside the authenticated area. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside the authenticated area');
  return me;
}
