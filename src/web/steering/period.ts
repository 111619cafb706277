/** The dashboard's period from the address: a quarter of a year, or the whole year. */
export interface PeriodChoice {
  year: number;
  /** 1–4, or null for the whole year. */
  quarter: number | null;
}

export function currentChoice(today = new Date()): PeriodChoice {
  return { year: today.getFullYear(), quarter: Math.floor(today.getMonth() / 3) + 1 };
}

export function choiceFrom(params: URLSearchParams, today = new Date()): PeriodChoice {
  const fallback = currentChoice(today);
  const year = Number(params.get('year'));
  const q = params.get('quarter');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return fallback;
  if (q === 'all') return { year, quarter: null };
  const quarter = Number(q);
  return { year, quarter: Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : fallback.quarter };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodOf(c: PeriodChoice): { from: string; to: string } {
  if (c.quarter === null) return { from: `${c.year}-01-01`, to: `${c.year}-12-31` };
  const first = (c.quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(c.year, first + 2, 0)).getUTCDate();
  return { from: `${c.year}-${pad(first)}-01`, to: `${c.year}-${pad(first + 2)}-${pad(last)}` };
}
