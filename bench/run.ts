/**
 * `npm run bench`: autocannon (10 connections) against the app on the 50,000-household demo set —
 * GET one household (authenticated, audited), a filtered search with paging, POST a journal entry —
 * and a bare Fastify + pg baseline for the read; the ranking; the prevention list import of
 * 100,000 rows (CSV; XLSX preview too with BENCH_IMPORT_XLSX=1). Writes bench/results/latest.json.
 * BENCH_INSTANCES=n runs the app and the baseline as n processes each (as WEB_CONCURRENCY does).
 * BENCH_ONLY=aftercare only the aftercare runs (carrier start page, case page, annual report on 5,000
 * cases with 60,000 visits); BENCH_ONLY=accommodation only the accommodation runs (BENCH_PLACE_SEARCHES place searches on 2,000
 * facilities with 20,000 places and five years of stays; occupancy board, billing and statistics once
 * their routes exist; written to bench/results/accommodation.json); BENCH_ONLY=steering only the steering dashboard for a year (figures and
 * breakdowns, written to bench/results/steering.json); BENCH_ONLY=import measures only the import; BENCH_ONLY=ranking only the ranking; BENCH_ONLY=http only
 * the four HTTP runs (nothing written to latest.json). BENCH_NODE_FLAGS passes Node flags to the
 * server process (e.g. --trace-gc).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { generateRows, importRun, toCsv, toXlsx, type Person } from './import.js';
import { accommodationRuns, printAccommodation } from './accommodation.runs.js';
import { printSteering, steeringRuns } from './steering.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const TARGETS = {
  auditedReadRatio: 0.6,
  readP99Ms: 100,
  searchP99Ms: 100,
  journalP99Ms: 100,
  rankingP95Ms: 100,
  importSeconds: 30,
  aftercareP99Ms: 100,
  annualReportMs: 2000,
};
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ONLY_IMPORT = process.env.BENCH_ONLY === 'import';
const RANKINGS = Number(process.env.BENCH_RANKINGS ?? 100);
const PLACE_SEARCHES = Number(process.env.BENCH_PLACE_SEARCHES ?? 100);

interface Ready {
  accommodationHouseholds: string[];
  offerId: string;
  carrierCookie: string;
  accommodationCookie: string;
  aftercareCaseId: string;
  appPort: number;
  basePort: number;
  householdId: string;
  cookie: string;
  csrf: string;
  households: number;
  instances: number;
}

const server = fork(path.resolve('bin/run-ts.mjs'), ['bench/server.ts'], {
  execArgv: [
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
  ],
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
const ready = await new Promise<Ready>((resolve, reject) => {
  server.once('message', (m) => resolve(m as Ready));
  server.once('exit', (code) => reject(new Error(`Benchmark-Server beendet (${code})`)));
});

async function run(name: string, opts: autocannon.Options) {
  console.error(`Messe: ${name} (${DURATION} s, ${CONNECTIONS} Verbindungen) …`);
  // Warm-up, then the measured run.
  await autocannon({ ...opts, connections: CONNECTIONS, duration: 2 });
  const r = await autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION });
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

const app = `http://127.0.0.1:${ready.appPort}`;
const ratio = (a: { requestsPerSecond: number }, b: { requestsPerSecond: number }) =>
  Math.round((a.requestsPerSecond / b.requestsPerSecond) * 100) / 100;

const ask = (m: string) =>
  new Promise<void>((resolve) => {
    server.once('message', () => resolve());
    server.send(m);
  });

/** POST /offers/:id/rankings one after another on a pool of the whole agency: ranking, explanation and storing. */
async function rankingRun() {
  console.error(`Messe: Rangfolge für ein Angebot (${RANKINGS} Läufe nacheinander) …`);
  await ask('pool:all');
  try {
    let poolSize = 0;
    const rankOnce = async () => {
      const t0 = performance.now();
      const res = await fetch(`${app}/api/v1/offers/${ready.offerId}/rankings`, {
        method: 'POST',
        headers: { ...headers, 'x-csrf-token': ready.csrf, 'content-type': 'application/json' },
        body: '{}',
      });
      const body = (await res.json()) as { poolSize: number };
      if (res.status !== 201) throw new Error(`Rangfolge: ${res.status} ${JSON.stringify(body)}`);
      poolSize = body.poolSize;
      return performance.now() - t0;
    };
    const times: number[] = [];
    for (let k = 0; k < RANKINGS + 5; k++) {
      const ms = await rankOnce();
      if (k >= 5) times.push(ms);
    }
    // Right after a household changed (the ranking must see the change): measured on its own.
    const afterChange: number[] = [];
    for (let k = 0; k < 5; k++) {
      await ask('pool:touch');
      afterChange.push(await rankOnce());
    }
    // The computation alone (no storing, HTTP or serialising), measured inside the server process.
    const direct = await new Promise<number[]>((resolve) => {
      server.once('message', (m) => resolve((m as { times: number[] }).times));
      server.send('rank:direct');
    });
    direct.sort((x, y) => x - y);
    times.sort((x, y) => x - y);
    afterChange.sort((x, y) => x - y);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
    return {
      name: 'App: Rangfolge erstellen (POST, gespeichert)',
      poolSize,
      runs: times.length,
      p50Ms: at(0.5),
      p95Ms: at(0.95),
      maxMs: at(1),
      afterChangeMedianMs: round(afterChange[2]!),
      computeP50Ms: round(direct[Math.floor(direct.length * 0.5)]!),
      computeP95Ms: round(direct[Math.floor(direct.length * 0.95)]!),
    };
  } finally {
    await ask('pool:restore');
  }
}
/**
 * Aftercare at city scale: the carrier lead's start page and a case page (10 connections each), and
 * the annual report data of last year over all carriers, requested one after another.
 */
async function aftercareRuns() {
  const carrier = { cookie: ready.carrierCookie };
  const queue = await run('App: Nachsorge, Startseite des Trägers (Leitung, alle Fälle)', {
    url: `${app}/api/v1/aftercare/queue`,
    headers: carrier,
  });
  const casePage = await run('App: Nachsorge, Fallseite (Träger, mit Besuchsverlauf)', {
    url: `${app}/api/v1/aftercare/cases/${ready.aftercareCaseId}`,
    headers: carrier,
  });
  const year = new Date().getFullYear() - 1;
  console.error(`Messe: Nachsorge-Jahresbericht ${year} (20 Läufe nacheinander) …`);
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < 22; k++) {
    const t0 = performance.now();
    const res = await fetch(`${app}/api/v1/aftercare/reports/annual?year=${year}`, { headers });
    const body = (await res.json()) as { rows: unknown[] };
    if (res.status !== 200) throw new Error(`Jahresbericht: ${res.status} ${JSON.stringify(body)}`);
    rows = body.rows.length;
    if (k >= 2) times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const round = (ms: number) => Math.round(ms);
  const annual = {
    name: `App: Nachsorge-Jahresbericht ${year} (alle Träger)`,
    rows,
    runs: times.length,
    p50Ms: round(times[Math.floor(times.length / 2)]!),
    maxMs: round(times[times.length - 1]!),
  };
  return { queue, casePage, annual };
}

function printAftercare(a: Awaited<ReturnType<typeof aftercareRuns>>) {
  console.table(
    [a.queue, a.casePage].map((r) => ({ Messung: r.name, 'req/s': r.requestsPerSecond, 'p50 ms': r.p50Ms, 'p99 ms': r.p99Ms })),
  );
  console.log(
    `Nachsorge: Startseite p99 ${a.queue.p99Ms} ms, Fallseite p99 ${a.casePage.p99Ms} ms (Ziel ≤ ${TARGETS.aftercareP99Ms}); Jahresbericht (${a.annual.rows} Fallzeilen) p50 ${a.annual.p50Ms} ms, max ${a.annual.maxMs} ms (Ziel ≤ ${TARGETS.annualReportMs})`,
  );
}

/** The prevention list import: generated list → upload → mapping → confirm → done, seconds per phase. */
async function importBench() {
  const people = await new Promise<Person[]>((resolve) => {
    server.once('message', (m) => resolve((m as { people: Person[] }).people));
    server.send('import:people');
  });
  const rows = generateRows(IMPORT_ROWS, people);
  const session = { app, cookie: ready.cookie, csrf: ready.csrf };
  console.error(`Messe: Listenimport Prävention, ${IMPORT_ROWS.toLocaleString('de-DE')} Zeilen CSV (hochladen, zuordnen, bestätigen) …`);
  const csv = await importRun(session, 'mietrueckstaende.csv', toCsv(rows), 'text/csv');
  // The import's audit events are sealed into the chain after it (the sealer waits for bulk writes).
  const t0 = performance.now();
  const pending = () =>
    new Promise<number>((resolve) => {
      server.once('message', (m) => resolve((m as { pending: number }).pending));
      server.send('audit:pending');
    });
  while ((await pending()) > 0 && performance.now() - t0 < 180_000) await new Promise((r) => setTimeout(r, 250));
  const sealedAfterSeconds = Math.round((performance.now() - t0) / 10) / 100;
  let xlsx = null;
  if (process.env.BENCH_IMPORT_XLSX === '1') {
    console.error(`Messe: dieselbe Liste als XLSX (hochladen, zuordnen; ohne Bestätigen) …`);
    xlsx = await importRun(
      session,
      'mietrueckstaende.xlsx',
      await toXlsx(rows),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      false,
    );
  }
  return { csv: { ...csv, sealedAfterSeconds }, xlsx };
}

function printImport(imp: Awaited<ReturnType<typeof importBench>>) {
  for (const r of [imp.csv, imp.xlsx]) {
    if (!r) continue;
    const s = r.seconds;
    console.log(
      `Import ${r.name} (${r.rows.toLocaleString('de-DE')} Zeilen, ${(r.bytes / 1e6).toFixed(1)} MB): hochladen+einlesen ${s.upload} s, zuordnen+prüfen ${s.mapping} s, anlegen ${s.importing} s = ${s.total} s`,
    );
    console.log(`  Vorschau: ${JSON.stringify(r.counts)}${r.report ? `; Bericht: ${JSON.stringify(r.report)}` : ''}`);
  }
  console.log(
    `Import gesamt: ${imp.csv.seconds.total} s (Ziel ≤ ${TARGETS.importSeconds} s); Audit-Ereignisse des Imports ${imp.csv.sealedAfterSeconds} s danach in die Kette versiegelt`,
  );
}

if (ONLY_IMPORT) {
  try {
    const imp = await importBench();
    printImport(imp);
    await fs.mkdir('bench/results', { recursive: true });
    await fs.writeFile(
      'bench/results/import.json',
      JSON.stringify(
        {
          at: new Date().toISOString(),
          households: ready.households,
          node: process.version,
          import: imp,
          target: TARGETS.importSeconds,
          met: imp.csv.seconds.total <= TARGETS.importSeconds,
        },
        null,
        2,
      ),
    );
  } finally {
    server.send('stop');
  }
  process.exit(0);
}

const headers = { cookie: ready.cookie };
if (process.env.BENCH_ONLY === 'ranking') {
  try {
    const r = await rankingRun();
    console.log(
      `Rangfolge (Pool ${r.poolSize} Haushalte, ${r.runs} Läufe, gespeichert): p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms (Ziel ≤ ${TARGETS.rankingP95Ms}); direkt nach einer Haushaltsänderung: Median ${r.afterChangeMedianMs} ms; Berechnung allein (ohne Speichern/HTTP): p50 ${r.computeP50Ms} ms, p95 ${r.computeP95Ms} ms`,
    );
  } finally {
    server.send('stop');
  }
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'steering') {
  try {
    const r = await steeringRuns(app, headers, ready.csrf);
    printSteering(r);
    const city = await new Promise<{ cityTimes: number[]; figures: number; computeMs: number }>((resolve) => {
      server.once('message', (m) => resolve(m as { cityTimes: number[]; figures: number; computeMs: number }));
      server.send({ city: { from: r.from, to: r.to, runs: 5 } });
    });
    const cityMs = [...city.cityTimes].sort((a, b) => a - b).map(Math.round);
    console.log(
      `Stadtvergleich (12 Mitglieder à ${ready.households.toLocaleString('de-DE')} Haushalte, ${city.figures} Kennzahlen, ein Jahr, materialisiert): Median ${cityMs[Math.floor(cityMs.length / 2)]} ms, max ${cityMs[cityMs.length - 1]} ms (Ziel ≤ 1000 ms); ein Mitglied neu berechnet ${Math.round(city.computeMs)} ms`,
    );
    await fs.mkdir('bench/results', { recursive: true });
    await fs.writeFile(
      'bench/results/steering.json',
      JSON.stringify(
        {
          at: new Date().toISOString(),
          households: ready.households,
          node: process.version,
          ...r,
          met: r.dashboard.p95Ms <= r.target,
          city: { members: 12, runsMs: cityMs, targetMs: 1000, computeOneMemberMs: Math.round(city.computeMs) },
        },
        null,
        2,
      ),
    );
  } finally {
    server.send('stop');
  }
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'accommodation') {
  try {
    const r = await accommodationRuns(
      app,
      headers,
      { cookie: ready.accommodationCookie },
      ready.accommodationHouseholds.slice(0, PLACE_SEARCHES),
      DURATION,
    );
    printAccommodation(r);
    await fs.mkdir('bench/results', { recursive: true });
    await fs.writeFile(
      'bench/results/accommodation.json',
      JSON.stringify({ at: new Date().toISOString(), households: ready.households, node: process.version, ...r }, null, 2),
    );
  } finally {
    server.send('stop');
  }
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'aftercare') {
  try {
    printAftercare(await aftercareRuns());
  } finally {
    server.send('stop');
  }
  process.exit(0);
}

const searches = ['müller', 'yılmaz', 'anna', 'S-2026-01', 'schmidt'];
let i = 0;
try {
  const baseline = await run('baseline: Fastify + pg, ein Haushalt', {
    url: `http://127.0.0.1:${ready.basePort}/households/${ready.householdId}`,
  });
  const auditedBaseline = await run('baseline: Fastify + pg, auditiertes Lesen (5 Anweisungen, Pipeline)', {
    url: `http://127.0.0.1:${ready.basePort}/audited/households/${ready.householdId}`,
  });
  const read = await run('App: GET Haushalt (angemeldet, auditiert)', { url: `${app}/api/v1/households/${ready.householdId}`, headers });
  const search = await run('App: Haushaltssuche gefiltert, seitenweise', {
    url: app,
    headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const q = searches[i % searches.length]!;
          const page = 1 + (i++ % 3);
          return { ...req, path: `/api/v1/households?q=${encodeURIComponent(q)}&seekingHousing=true&sort=name&page=${page}&pageSize=25` };
        },
      },
    ],
  });
  const journal = await run('App: POST Journaleintrag', {
    url: `${app}/api/v1/households/${ready.householdId}/journal`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': ready.csrf },
    body: JSON.stringify({ occurredAt: '2026-11-21T10:00:00+01:00', kind: 'note', participation: true, text: 'Benchmark-Eintrag' }),
  });
  if (process.env.BENCH_ONLY === 'http') {
    console.table(
      [baseline, auditedBaseline, read, search, journal].map((r) => ({
        Messung: r.name,
        'req/s': r.requestsPerSecond,
        'p50 ms': r.p50Ms,
        'p99 ms': r.p99Ms,
      })),
    );
    console.log(
      `Verhältnis App/auditierte Baseline (Lesen): ${ratio(read, auditedBaseline)} (Ziel ≥ ${TARGETS.auditedReadRatio}); App/nacktes SELECT: ${ratio(read, baseline)} (${ready.instances} Instanz(en) je Server)`,
    );
    process.exitCode = 0;
  } else {
    const aftercare = await aftercareRuns();
    const ranking = await rankingRun();
    const preventionImport = await importBench();
    const readRatio = ratio(read, baseline);
    const auditedReadRatio = ratio(read, auditedBaseline);
    const results = {
      at: new Date().toISOString(),
      households: ready.households,
      instances: ready.instances,
      connections: CONNECTIONS,
      durationSeconds: DURATION,
      node: process.version,
      runs: { baseline, auditedBaseline, read, search, journal },
      aftercare,
      ranking,
      preventionImport,
      readRatio,
      auditedReadRatio,
      targets: TARGETS,
      met: {
        auditedReadRatio: auditedReadRatio >= TARGETS.auditedReadRatio,
        readP99: read.p99Ms <= TARGETS.readP99Ms,
        searchP99: search.p99Ms <= TARGETS.searchP99Ms,
        journalP99: journal.p99Ms <= TARGETS.journalP99Ms,
        rankingP95: ranking.p95Ms <= TARGETS.rankingP95Ms,
        aftercareQueueP99: aftercare.queue.p99Ms <= TARGETS.aftercareP99Ms,
        aftercareCaseP99: aftercare.casePage.p99Ms <= TARGETS.aftercareP99Ms,
        annualReport: aftercare.annual.maxMs <= TARGETS.annualReportMs,
        importSeconds: preventionImport.csv.seconds.total <= TARGETS.importSeconds,
      },
    };
    await fs.mkdir('bench/results', { recursive: true });
    await fs.writeFile('bench/results/latest.json', JSON.stringify(results, null, 2));
    console.log('\nErgebnis (bench/results/latest.json):');
    console.table(
      Object.values(results.runs).map((r) => ({ Messung: r.name, 'req/s': r.requestsPerSecond, 'p50 ms': r.p50Ms, 'p99 ms': r.p99Ms })),
    );
    console.log(
      `Verhältnis App/auditierte Baseline (Lesen): ${auditedReadRatio} (Ziel ≥ ${TARGETS.auditedReadRatio}); App/nacktes SELECT: ${readRatio}`,
    );
    console.log(
      `Lesen p99: ${read.p99Ms} ms (Ziel ≤ ${TARGETS.readP99Ms}); Suche p99: ${search.p99Ms} ms (Ziel ≤ ${TARGETS.searchP99Ms}); Journal p99: ${journal.p99Ms} ms (Ziel ≤ ${TARGETS.journalP99Ms})`,
    );
    console.log(
      `Rangfolge (Pool ${ranking.poolSize} Haushalte, ${ranking.runs} Läufe, gespeichert): p50 ${ranking.p50Ms} ms, p95 ${ranking.p95Ms} ms (Ziel ≤ ${TARGETS.rankingP95Ms}); direkt nach einer Haushaltsänderung (Pool neu gelesen): Median ${ranking.afterChangeMedianMs} ms; Berechnung allein (ohne Speichern/HTTP): p50 ${ranking.computeP50Ms} ms, p95 ${ranking.computeP95Ms} ms`,
    );
    printAftercare(aftercare);
    printImport(preventionImport);
    console.log(Object.values(results.met).every(Boolean) ? 'Alle Ziele erreicht.' : 'Nicht alle Ziele erreicht.');
  }
} finally {
  server.send('stop');
}
