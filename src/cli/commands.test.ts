import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { TEST_AUDIT_KEY } from '../../test/helpers.js';
import { loadConfig } from '../server/config.js';
import { serveCmd } from './commands.js';

describe('wohnhilfe serve', () => {
  it('refuses to start on an unmigrated database, saying what to do', async () => {
    const server = new URL(inject('ownerUrl'));
    const name = `wohnhilfe_empty_${crypto.randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      server.pathname = `/${name}`;
      const config = loadConfig({ DATABASE_URL: server.toString(), LOG_LEVEL: 'silent', PORT: '0', AUDIT_KEY: TEST_AUDIT_KEY });
      await expect(serveCmd(config)).rejects.toThrow(/nicht migriert.*wohnhilfe migrate/);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});

describe('wohnhilfe serve with WEB_CONCURRENCY', () => {
  it('runs that many app instances on one port and stops them all', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const child = spawn(process.execPath, ['bin/wohnhilfe.mjs', 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: inject('ownerUrl'),
        AUDIT_KEY: TEST_AUDIT_KEY,
        WEB_CONCURRENCY: '2',
        PORT: String(port),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await expect
        .poll(() => (child.exitCode === null ? out : `beendet: ${out}`), { timeout: 100_000, interval: 200 })
        .toMatch(/^(?!beendet)[^]*2 App-Instanzen teilen sich den Port/);
      const instances = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)])
        .toString()
        .trim()
        .split('\n')
        .filter((l) => l.includes('wohnhilfe.mjs serve'))
        .map((l) => l.trim().split(/\s+/)[0]!);
      expect(instances).toHaveLength(2);
      for (let i = 0; i < 4; i++) expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // Terminated by the signal, after every instance stopped (128 + 15).
      expect(await exited).toBe(143);
      // No instance outlives the command.
      for (const pid of instances) expect(() => process.kill(Number(pid), 0)).toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('wohnhilfe serve on a port in use', () => {
  it('exits non-zero with one German line naming the port and PORT, without hanging', async () => {
    const taken = net.createServer();
    const port = await new Promise<number>((resolve) =>
      taken.listen(0, '127.0.0.1', () => resolve((taken.address() as net.AddressInfo).port)),
    );
    const started = Date.now();
    const child = spawn(process.execPath, ['bin/wohnhilfe.mjs', 'serve'], {
      env: { ...process.env, DATABASE_URL: inject('ownerUrl'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(err.trim()).toMatch(new RegExp(`^Fehler: Port ${port} \\(127\\.0\\.0\\.1\\) ist bereits belegt.*Umgebungsvariable PORT`));
      expect(err.trim().split('\n')).toHaveLength(1); // no stack trace
      // It ends by itself once it has failed, not by the fallback five seconds later.
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      taken.close();
    }
  }, 90_000);
});
