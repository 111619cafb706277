/**
 * The accommodation runs of the bench (issue 16) on ./accommodation.ts's load: the place search for
 * a household (GET /accommodation/place-search, varied households one after another, p95 ≤ 100 ms),
 * and generic runs for the other routes — the occupancy board at 10 connections
 * (p99 ≤ 100 ms), a month's billing for all operators (≤ 5 s), the WoBerichtsG export of the
 * persons in accommodation (≤ 5 s). Those take their path from an environment variable (defaults
 * below) and are skipped with a message while the route answers 404. BENCH_ONLY=accommodation runs
 * them; results go to bench/results/accommodation.json.
 */
import autocannon from 'autocannon';

export const ACCOMMODATION_TARGETS = { placeSearchP95Ms: 100, boardP99Ms: 100, billingMs: 5000, statisticsMs: 5000 };

/** The occupancy board, a month's billing and the WoBerichtsG export; override with the environment variables named. */
export function accommodationPaths(today = new Date()) {
  const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const year = today.getUTCFullYear() - (today.getUTCMonth() === 0 ? 1 : 0);
  return {
    board: process.env.BENCH_BOARD_PATH ?? '/api/v1/accommodation/occupancy',
    billing: process.env.BENCH_BILLING_PATH ?? `/api/v1/accommodation/billing?month=${month}`,
    statistics: process.env.BENCH_STATISTICS_PATH ?? `/api/v1/accommodation/statistics/${year}/export?format=csv`,
  };
}

export interface Timing {
  name: string;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}
export interface Skipped {
  name: string;
  skipped: string;
}

export function timingOf(name: string, times: number[]): Timing {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! * 10) / 10;
  return { name, runs: s.length, p50Ms: at(0.5), p95Ms: at(0.95), maxMs: at(1) };
}

/** One GET, timed to the last byte of the body; the status and size for the caller to judge. */
async function timedGet(url: string, headers: Record<string, string>) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength, body };
}

const skippedIf404 = (name: string, url: string, status: number): Skipped | null =>
  status === 404 ? { name, skipped: `${url} antwortet 404 (Route noch nicht vorhanden) – übersprungen` } : null;

/**
 * The place search for `households` one after another (2 warm-up requests first): each answers the
 * first page of facilities with fitting places and the count per exclusion reason; every fifth also
 * the first page of the places left out as occupied (the longest list), with their reasons in words.
 */
export async function placeSearchRun(app: string, headers: Record<string, string>, households: string[]) {
  const name = 'App: Platzsuche für einen Haushalt (GET, erste Seite, Ausschlüsse je Grund)';
  console.error(`Messe: ${name} (${households.length} Haushalte nacheinander) …`);
  const url = (id: string, k: number) =>
    `${app}/api/v1/accommodation/place-search?householdId=${id}${k % 5 === 4 ? '&reason=occupied' : ''}`;
  for (const [k, id] of households.slice(0, 2).entries()) await timedGet(url(id, k), headers);
  const times: number[] = [];
  let places = 0;
  let fitting = 0;
  let bytes = 0;
  for (const [k, id] of households.entries()) {
    const r = await timedGet(url(id, k), headers);
    if (r.status !== 200) throw new Error(`Platzsuche ${id}: ${r.status} ${Buffer.from(r.body).toString().slice(0, 200)}`);
    const body = JSON.parse(Buffer.from(r.body).toString()) as { places: number; fittingPlaces: number };
    places = body.places;
    fitting += body.fittingPlaces;
    bytes += r.bytes;
    times.push(r.ms);
  }
  return {
    ...timingOf(name, times),
    places,
    fittingAverage: Math.round(fitting / households.length),
    kilobytesAverage: Math.round(bytes / households.length / 1024),
  };
}

/** A page under load: 10 connections for `seconds` after a 2 s warm-up (autocannon), p99 against the target. */
export async function loadRun(name: string, url: string, headers: Record<string, string>, seconds: number) {
  const probe = await timedGet(url, headers);
  const skip = skippedIf404(name, url, probe.status);
  if (skip) return skip;
  if (probe.status !== 200) throw new Error(`${name}: ${probe.status}`);
  console.error(`Messe: ${name} (${seconds} s, 10 Verbindungen) …`);
  await autocannon({ url, headers, connections: 10, duration: 2 });
  const r = await autocannon({ url, headers, connections: 10, duration: seconds });
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`${name}: ${bad} fehlerhafte Antworten`);
  return {
    name,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
  };
}

/** A heavy single request (a month's billing, the statistics export) `runs` times after one warm-up. */
export async function heavyRun(name: string, url: string, headers: Record<string, string>, runs = 3) {
  const first = await timedGet(url, headers);
  const skip = skippedIf404(name, url, first.status);
  if (skip) return skip;
  if (first.status !== 200) throw new Error(`${name}: ${first.status} ${Buffer.from(first.body).toString().slice(0, 200)}`);
  console.error(`Messe: ${name} (${runs} Läufe nacheinander) …`);
  const times: number[] = [];
  let bytes = 0;
  for (let k = 0; k < runs; k++) {
    const r = await timedGet(url, headers);
    if (r.status !== 200) throw new Error(`${name}: ${r.status}`);
    times.push(r.ms);
    bytes = r.bytes;
  }
  return { ...timingOf(name, times), kilobytes: Math.round(bytes / 1024) };
}

/**
 * `headers`: the case management's session (place search, occupancy board); `office`: the
 * accommodation office's (accommodation_worker), which alone may read billing and the statistics.
 */
export async function accommodationRuns(
  app: string,
  headers: Record<string, string>,
  office: Record<string, string>,
  households: string[],
  seconds: number,
) {
  const paths = accommodationPaths();
  const placeSearch = await placeSearchRun(app, headers, households);
  const board = await loadRun('App: Belegungsübersicht (10 Verbindungen)', `${app}${paths.board}`, headers, seconds);
  const billing = await heavyRun('App: Monatsabrechnung aller Betreiber', `${app}${paths.billing}`, office);
  const statistics = await heavyRun('App: WoBerichtsG-Export', `${app}${paths.statistics}`, office);
  const T = ACCOMMODATION_TARGETS;
  return {
    placeSearch,
    board,
    billing,
    statistics,
    targets: T,
    met: {
      placeSearchP95: placeSearch.p95Ms <= T.placeSearchP95Ms,
      boardP99: 'skipped' in board ? null : board.p99Ms <= T.boardP99Ms,
      billing: 'skipped' in billing ? null : billing.maxMs <= T.billingMs,
      statistics: 'skipped' in statistics ? null : statistics.maxMs <= T.statisticsMs,
    },
  };
}

export function printAccommodation(r: Awaited<ReturnType<typeof accommodationRuns>>) {
  const p = r.placeSearch;
  console.log(
    `Platzsuche (${p.places} Plätze, im Mittel ${p.fittingAverage} passend, ${p.kilobytesAverage} KB): p50 ${p.p50Ms} ms, p95 ${p.p95Ms} ms, max ${p.maxMs} ms (Ziel p95 ≤ ${r.targets.placeSearchP95Ms} ms)`,
  );
  for (const x of [r.board, r.billing, r.statistics]) {
    if ('skipped' in x) console.log(`${x.name}: ${x.skipped}`);
    else if ('p99Ms' in x) console.log(`${x.name}: ${x.requestsPerSecond} req/s, p50 ${x.p50Ms} ms, p99 ${x.p99Ms} ms`);
    else console.log(`${x.name}: p50 ${x.p50Ms} ms, max ${x.maxMs} ms (${x.kilobytes} KB)`);
  }
}
