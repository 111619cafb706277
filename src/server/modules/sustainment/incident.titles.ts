/** German one-line titles of the incident steps, for timelines and notifications. */
export const STEP_TITLES: Record<string, string> = {
  report: 'gemeldet',
  forward: 'an die Sozialarbeit weitergegeben',
  recordReasons: 'Gründe geklärt',
  informProvider: 'Wohnungsunternehmen informiert',
  wait: 'Unternehmen wartet ab (Wiedervorlage)',
  demandPayment: 'Unternehmen verlangt Zahlung',
  recheckUnpaid: 'Miete weiter unbezahlt: erneute Klärung',
  markPaid: 'Miete bezahlt',
  payout: 'Garantieleistung ausgezahlt',
  confirmAssignment: 'Abtretungserklärung eingegangen: Mietverhältnis gesichert',
  recordContact: 'Kontakt dokumentiert',
  warning: 'Abmahnung',
  solve: 'Konflikt gelöst',
  terminate: 'Kündigung durch das Wohnungsunternehmen',
  cancel: 'eingestellt',
};

export const KIND_TITLES: Record<string, string> = { rent_default: 'Mietausfall', conflict: 'Konfliktfall' };
export const CATEGORY_TITLES: Record<string, string> = {
  noise: 'Lärm',
  hygiene: 'Hygiene',
  damage: 'Schäden',
  threats: 'Bedrohung',
  neighbours: 'Nachbarschaft',
  other: 'Sonstiges',
};
