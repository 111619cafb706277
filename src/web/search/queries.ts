import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ok } from '../api';

/** `value`, once it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The global search (an audited read), only for a query of at least 2 characters. */
export function useSearch(q: string, limit: number) {
  const query = q.trim();
  return useQuery({
    queryKey: ['search', query, limit],
    queryFn: () => ok(api.GET('/search', { params: { query: { q: query, limit } } })),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
