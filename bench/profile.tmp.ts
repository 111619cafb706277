import { fork } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
const server = fork(path.resolve('bin/run-ts.mjs'), ['bench/server.ts'], { execArgv: ['--cpu-prof', '--cpu-prof-dir=/tmp/prof2'], env: { ...process.env, BENCH_HOUSEHOLDS: '50000' } });
const ready: any = await new Promise((r) => server.once('message', r));
await autocannon({ url: `http://127.0.0.1:${ready.appPort}/api/v1/households/${ready.householdId}`, headers: { cookie: ready.cookie }, connections: 10, duration: 8 });
server.send('stop');
await new Promise((r) => server.once('exit', r));
