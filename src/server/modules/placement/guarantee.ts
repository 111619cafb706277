/** The municipal guarantee of a placement: what it covers and when it ends (pure). */

/** The covered items as the guarantee contract names them. */
export const GUARANTEE_LABELS: Record<string, string> = {
  rent_arrears: 'Mietrückstände',
  service_charge_arrears: 'Rückstände aus Betriebs- und Heizkosten',
  damage: 'Schäden an der Mietsache über die übliche Abnutzung hinaus',
  clearance: 'Kosten einer Räumung und Einlagerung',
  legal_costs: 'Gerichts- und Anwaltskosten aus dem Mietverhältnis',
};

/** Guarantee end: the day before the anniversary `years` after the start (five years → 31.12. for a start on 01.01.). */
export function guaranteeEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + n years normalises to 1 March; the day before is then 28 February, as intended.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
