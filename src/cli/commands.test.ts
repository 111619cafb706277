import crypto from 'node:crypto';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
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
      const config = loadConfig({ DATABASE_URL: server.toString(), LOG_LEVEL: 'silent', PORT: '0' });
      await expect(serveCmd(config)).rejects.toThrow(/nicht migriert.*wohnhilfe migrate/);
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
