import type { accommodationOccupancyDe } from '../de/accommodationOccupancy';

/** Occupancy board of the accommodation (English). */
export const accommodationOccupancyEn: typeof accommodationOccupancyDe = {
  occupancy: {
    title: 'Occupancy of the facilities',
    nav: 'Occupancy',
    intro:
      'Occupied, free and blocked places per facility and place attribute on a day, the trend of the last 12 months and the length of stay per household type. A place is occupied when a stay covers the night after the day; on the day of a move-out it is free. Blocked: places not occupied that are blocked or lie in a facility blocked for new assignments (as of today).',
    filters: 'Occupancy selection',
    date: 'Reference day',
    district: 'District',
    operator: 'Operator',
    provision: 'Type of provision',
    all: 'all',
    onDay: 'Occupancy on the reference day',
    total: '{{places}} places: {{occupied}} occupied, {{free}} free, {{blocked}} blocked.',
    byFacility: 'Places per facility',
    byAttribute: 'Places per place attribute',
    none: 'No facilities in this selection.',
    trend: 'Trend of the last 12 months',
    trendTable: 'Occupancy per month (average places occupied over places)',
    lengths: 'Length of stay per household type',
    lengthsCaption:
      'Stays completed from {{from}} to {{to}} and stays running on {{to}}, days from move-in to move-out or the reference day (transfers remain one stay)',
    days: '{{n}} days',
    col: {
      places: 'Places',
      occupied: 'occupied',
      free: 'free',
      blocked: 'blocked',
      attribute: 'Attribute',
      month: 'Month',
      averageOccupied: 'Avg. places occupied',
      rate: 'Occupancy',
      householdType: 'Household type',
      completedStays: 'Completed (number)',
      completedMedian: 'Completed: median',
      completedQuartiles: 'Completed: 1st–3rd quartile',
      runningStays: 'Running (number)',
      runningMedian: 'Running: median',
    },
    attribute: {
      family: 'family-suited',
      wheelchair: 'wheelchair-accessible',
      step_free: 'step-free',
      women_only: 'women only',
      men_only: 'men only',
      pets: 'pets allowed',
      single_room: 'single room',
    },
    householdType: {
      single: 'Single persons',
      single_parent: 'Single parents',
      couple_children: 'Couples/families with children',
      multi_no_children: 'Multi-person households without children',
    },
  },
};
