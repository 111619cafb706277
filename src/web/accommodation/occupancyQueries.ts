import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TOccupancyQuery } from '../../contracts/accommodationOccupancy';
import { api, ok } from '../api';

/** The board's query without empty filters (the server takes today when no date is given). */
const clean = (q: TOccupancyQuery) => Object.fromEntries(Object.entries(q).filter(([, v]) => v)) as TOccupancyQuery;

export const useOccupancy = (q: TOccupancyQuery) =>
  useQuery({
    queryKey: ['accommodation', 'occupancy', clean(q)],
    queryFn: ({ signal }) => ok(api.GET('/accommodation/occupancy', { params: { query: clean(q) }, signal })),
    placeholderData: keepPreviousData,
  });

export const useOccupancyTrend = (q: TOccupancyQuery) =>
  useQuery({
    queryKey: ['accommodation', 'occupancy-trend', clean(q)],
    queryFn: ({ signal }) => ok(api.GET('/accommodation/occupancy/trend', { params: { query: clean(q) }, signal })),
    placeholderData: keepPreviousData,
  });

export const useStayLengths = (q: TOccupancyQuery) =>
  useQuery({
    queryKey: ['accommodation', 'stay-lengths', clean(q)],
    queryFn: ({ signal }) => ok(api.GET('/accommodation/occupancy/stay-lengths', { params: { query: clean(q) }, signal })),
    placeholderData: keepPreviousData,
  });
