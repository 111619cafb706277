import { createRequire } from 'node:module';

type Hook = (done: () => void) => void;
const asyncExitHook = createRequire(import.meta.url)('async-exit-hook') as ((hook: (done?: () => void) => void) => void) & {
  unhookEvent(event: string): void;
  hookedEvents(): string[];
};

/**
 * Runs `hook` (call `done` when finished) on SIGINT, SIGTERM or SIGHUP before the process exits.
 * async-exit-hook also listens to `beforeExit` and then calls `process.exit(0)`: that replaced every
 * exit code set before the event loop ran empty — a failing `vitest run` (whose global setup starts
 * the embedded PostgreSQL) ended with 0, and so did `.ci/run`. That listener is removed here.
 */
export function onShutdown(hook: Hook): void {
  // On the 'exit' event itself hooks run synchronously and get no `done`.
  asyncExitHook((done?: () => void) => hook(done ?? (() => undefined)));
  if (asyncExitHook.hookedEvents().includes('beforeExit')) asyncExitHook.unhookEvent('beforeExit');
}
