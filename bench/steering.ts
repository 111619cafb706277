/**
 * The steering dashboard ("Berichte") at city scale (issue 17): the agency dashboard for one year on
 * the bench's 50,000-household set, as the page loads it — the key figures (with the previous year)
 * and the breakdowns of who each programme reached — requested one after another, timed end to end
 * over HTTP. First "Neu berechnen" (POST /steering/refresh: the year and the year before computed
 * and stored, what the hourly job does), timed once; then the page as users load it, materialised. BENCH_ONLY=steering runs only this; results go to bench/results/steering.json.
 */

export const STEERING_TARGET_P95_MS = 500;

interface Timing {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const round = (ms: number) => Math.round(ms);

function summary(name: string, times: number[]): Timing {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))]!);
  return { name, runs: s.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: round(s[s.length - 1]!) };
}

/** The current calendar year (Berlin), as the page asks for it with "Ganzes Jahr". */
export function thisYear(today = new Date()): { from: string; to: string } {
  const y = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(today).slice(0, 4);
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

async function timed(url: string, headers: Record<string, string>): Promise<{ ms: number; body: unknown }> {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body: unknown = await res.json();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
  return { ms: performance.now() - t0, body };
}

/** 2 warm-up and `runs` measured loads of the dashboard (figures, then breakdowns) for one year. */
export async function steeringRuns(app: string, headers: Record<string, string>, csrf: string, runs = 20) {
  const { from, to } = thisYear();
  console.error(`Messe: Neu berechnen ${from} bis ${to} …`);
  const t0 = performance.now();
  const res = await fetch(`${app}/api/v1/steering/refresh`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify({ from, to }),
  });
  if (res.status !== 200) throw new Error(`refresh: ${res.status} ${(await res.text()).slice(0, 200)}`);
  const refreshMs = Math.round(performance.now() - t0);
  console.error(`Messe: Berichte-Dashboard ${from} bis ${to} (${runs} Läufe nacheinander) …`);
  const q = `from=${from}&to=${to}`;
  const figures: number[] = [];
  const breakdowns: number[] = [];
  const page: number[] = [];
  let reached: Record<string, number> = {};
  for (let k = 0; k < runs + 2; k++) {
    const f = await timed(`${app}/api/v1/steering/figures?${q}`, headers);
    const b = await timed(`${app}/api/v1/steering/breakdowns?${q}`, headers);
    if (k < 2) continue;
    figures.push(f.ms);
    breakdowns.push(b.ms);
    page.push(f.ms + b.ms);
    const body = b.body as { programmes: { module: string; total: number }[] };
    reached = Object.fromEntries(body.programmes.map((p) => [p.module, p.total]));
  }
  return {
    from,
    to,
    reached,
    refreshMs,
    figures: summary('App: Kennzahlen eines Jahres (mit Vorjahr)', figures),
    breakdowns: summary('App: Aufschlüsselung der Erreichten eines Jahres', breakdowns),
    dashboard: summary('App: Berichte-Dashboard eines Jahres (Kennzahlen + Aufschlüsselung)', page),
    target: STEERING_TARGET_P95_MS,
  };
}

export function printSteering(r: Awaited<ReturnType<typeof steeringRuns>>) {
  console.table(
    [r.figures, r.breakdowns, r.dashboard].map((t) => ({
      Messung: t.name,
      Läufe: t.runs,
      'p50 ms': t.p50Ms,
      'p95 ms': t.p95Ms,
      'max ms': t.maxMs,
    })),
  );
  console.log(
    `Berichte ${r.from} bis ${r.to}: Dashboard p95 ${r.dashboard.p95Ms} ms (Ziel ≤ ${r.target}); Neu berechnen (Jahr und Vorjahr, Kennzahlen und Aufschlüsselung) ${r.refreshMs} ms; erreichte Haushalte je Programm ${JSON.stringify(r.reached)}`,
  );
}
