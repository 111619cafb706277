/** English texts of the city-wide comparison and the city average (merged into en.ts). */
export const steeringCityEn = {
  steeringCity: {
    nav: 'City comparison',
    title: 'City-wide comparison of the target agreement',
    intro:
      'The key figures of the member agencies side by side and the city total – only totals and shares, no cases, no names. Small numbers are protected.',
    noBody: 'Your account belongs to no steering body. Please contact the platform operators.',
    noAgreement: 'There is no target agreement with member agencies for this period.',
    agreement: 'Target agreement',
    agreementText: '{{name}}: in force from {{from}}{{to}}, {{members}} agencies',
    agreementUntil: ' until {{to}}',
    periodText: 'Period: {{from}} to {{to}}.',
    agency: 'Agency',
    total: 'City total',
    figure: 'Key figure',
    suppressed: {
      small: '< 5',
      secondary: 'protected',
      no_base: 'not shown',
    },
    suppressedLong: {
      small: 'fewer than 5 cases',
      secondary: 'protected so that a small value cannot be worked out from the total',
      no_base: 'not shown without a known number of cases',
    },
    rule: 'How small numbers are protected',
    ruleText:
      'Counts below 5 (0 included) are shown as “< 5”, all others are rounded to multiples of 5. The city total is formed from the values shown (“< 5” counts as 2), so no small value can be worked out from it. Shares, medians and amounts are shown only with at least 5 cases, shares rounded to whole percent; if exactly one agency is too small, a second one is protected. For them the city total is the mean weighted by the number of cases. The comparison is available for quarters and calendar years only.',
    chart: 'Chart: {{title}} per agency',
    table: 'Table: {{title}} per agency and city total',
    average: 'Average of the agencies: {{value}}',
    averageNone: 'Average of the agencies: {{reason}}',
    averageAsOf: 'Average of the agencies of the “{{name}}” (data as of {{at}})',
  },
};
