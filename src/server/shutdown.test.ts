import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('shutdown hooks', () => {
  it('keep the exit code a process set (a failing test run must not end with 0)', () => {
    const script = `
      const { onShutdown } = await import(${JSON.stringify(path.join(ROOT, 'src/server/shutdown.ts'))});
      onShutdown((done) => done());
      process.exitCode = 3;
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });
});
