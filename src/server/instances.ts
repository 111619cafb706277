import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { onShutdown as onSignal } from './shutdown.js';

/** Runs `fn` when the process is asked to stop (signal), and lets it finish before exiting (with 128 + the signal's number). */
export function onShutdown(fn: () => Promise<void>): void {
  onSignal((done) => {
    fn()
      .catch((e: unknown) => console.error(e))
      .finally(done);
  });
}

/*
 * Several app instances in one deployment: `WEB_CONCURRENCY` > 1 forks that many processes that
 * share the listening port (Node's cluster module hands connections out in turn). Each is one of the
 * stateless instances the design allows on one database — caches are per instance and exact by the
 * database's stamps and notifications. The first instance also runs the background jobs (mail
 * delivery, deadline reminders, audit sealing); they are safe on several, but one is enough.
 */

/** Set in a forked instance's environment: its number, from 0. */
export const INSTANCE_ENV = 'WOHNHILFE_INSTANCE';

/** Whether this process is an app instance forked by `forkInstances`. */
export const forkedInstance = (): number | null =>
  cluster.isWorker && process.env[INSTANCE_ENV] !== undefined ? Number(process.env[INSTANCE_ENV]) : null;

export interface Instances {
  stop(): Promise<void>;
}

/**
 * Forks `n` instances of the current command with `env` added; resolves once all listen. One that
 * dies after it had started is started again; one that dies before rejects the start.
 */
export async function forkInstances(n: number, env: Record<string, string>, log: (m: string) => void): Promise<Instances> {
  let stopping = false;
  const workers = new Map<number, Worker>();
  const start = (i: number): Promise<void> => {
    const w = cluster.fork({ ...env, [INSTANCE_ENV]: String(i) });
    workers.set(i, w);
    let listening = false;
    w.on('exit', (code, signal) => {
      // A clean exit is a shutdown (the instance's own signal handler); only a crash is restarted.
      if (stopping || !listening || code === 0) return;
      log(`Instanz ${i} beendet (${signal ?? code}); sie wird neu gestartet.`);
      void start(i).catch((e: unknown) => log(`Instanz ${i} startet nicht: ${String(e)}`));
    });
    return new Promise<void>((resolve, reject) => {
      w.once('listening', () => {
        listening = true;
        resolve();
      });
      w.once('exit', (code) => {
        if (!listening) reject(new Error(`Instanz ${i} ist beim Start beendet worden (Code ${code}).`));
      });
    });
  };
  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...workers.values()].map(async (w) => {
        const exited = once(w, 'exit');
        if (w.isDead()) return;
        w.kill('SIGTERM');
        await exited;
      }),
    );
  };
  try {
    await Promise.all(Array.from({ length: n }, (_, i) => start(i)));
  } catch (e) {
    await stop();
    throw e;
  }
  return { stop };
}
