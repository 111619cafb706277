import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
// pg's own conversion of a JS value to the text it would send as a parameter (dates, arrays, JSON).
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (v: unknown) => string | null };

/** A statement starting with this marker is not sent: it rides along with the next one. */
export const DEFERRED = '/* wohnhilfe:deferred */';
/** Marks the COMMIT of a transaction run by `inAgency` (see `readCommit`). */
export const COMMIT_MARK = '/* wohnhilfe:commit */';
/** Deferred prefix of a one-statement transaction: only one statement may follow on the connection. */
export const ONE_STATEMENT = '/* wohnhilfe:one-statement */';

/** Statements that change nothing: a transaction of only these (plus audit rows) is a read. */
const READ_ONLY = /^\s*(select|show)\b/i;

/**
 * Turns `$n` placeholders into quoted literals exactly as pg would send the parameters: as text of
 * unknown type, escaped with pg's escapeLiteral, so PostgreSQL infers the type from context as it
 * does for parameters.
 */
export function inlineParameters(text: string, params: readonly unknown[]): string {
  if (params.length === 0) return text;
  return text.replace(/\$(\d+)/g, (m, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new Error(`parameter ${m} missing`);
    const v = prepareValue(params[i]) as string | Buffer | null;
    // pg sends a Buffer as binary; as text, bytea is written in hex ('\x…').
    if (Buffer.isBuffer(v)) return `'\\x${v.toString('hex')}'`;
    return v === null ? 'NULL' : pg.escapeLiteral(v);
  });
}

const LARGE = 4096;
const isLarge = (v: unknown): boolean => (typeof v === 'string' && v.length > LARGE) || (Buffer.isBuffer(v) && v.length > LARGE);

type Result = { command: string; rowCount: number | null; rows: unknown[] };

/**
 * A pg pool whose clients send each statement, with any deferred ones before it, as one simple-
 * protocol message: one socket write and one round trip. System calls are expensive where we run
 * (write syscalls were ~40 % of the CPU of an audited read), so a transaction's BEGIN and agency
 * setting travel with its first statement, and its audit rows with COMMIT.
 */
export function pipelinedPool(pool: pg.Pool, readCommit: 'sync' | 'async' = 'sync') {
  return {
    async connect() {
      const client = await pool.connect();
      let deferred: string[] = [];
      let wrote = false;
      let oneStatement: 'armed' | 'spent' | null = null;
      return {
        async query(text: string, params: readonly unknown[] = []): Promise<Result> {
          if (text.startsWith(DEFERRED)) {
            let prefix = text.slice(DEFERRED.length);
            if (prefix.startsWith(ONE_STATEMENT)) {
              prefix = prefix.slice(ONE_STATEMENT.length);
              if (readCommit === 'async') prefix = `SELECT set_config('synchronous_commit', 'off', true);\n${prefix}`;
              oneStatement = 'armed';
            }
            deferred.push(prefix);
            wrote = false;
            return { command: 'SELECT', rowCount: 0, rows: [] };
          }
          // Outside its implicit transaction a second statement would run without the agency
          // setting; refuse it rather than let it see nothing, or worse.
          if (oneStatement === 'spent') throw new Error('one-statement transaction: a second statement was attempted');
          if (oneStatement === 'armed') oneStatement = 'spent';
          if (text.startsWith(COMMIT_MARK)) {
            // A transaction that only read (its audit rows aside) may commit without waiting for the
            // WAL flush when so configured: the audit rows are still in the same transaction.
            text = `${!wrote && readCommit === 'async' ? 'SET LOCAL synchronous_commit TO off;\n' : ''}${text.slice(COMMIT_MARK.length)}`;
          } else if (!READ_ONLY.test(text)) {
            wrote = true;
          }
          if (text === 'ROLLBACK' && deferred.length) {
            // Nothing was begun yet: nothing to roll back.
            deferred = [];
            return { command: 'ROLLBACK', rowCount: 0, rows: [] };
          }
          // Large parameters (a stored ranking, a document, a batch of imported rows) cost more to
          // escape into the text than the extra writes of the extended protocol: they go as
          // parameters, after what was deferred (one round trip more) unless that must share the
          // statement's implicit transaction.
          if (params.some(isLarge) && (deferred.length === 0 || oneStatement === null)) {
            if (deferred.length) {
              const prefix = deferred.join(';\n');
              deferred = [];
              await client.query(prefix);
            }
            return (await client.query(text, params as unknown[])) as unknown as Result;
          }
          const statement = inlineParameters(text, params);
          const full = deferred.length ? `${deferred.join(';\n')};\n${statement}` : statement;
          deferred = [];
          const res = (await client.query(full)) as unknown as Result | Result[];
          return Array.isArray(res) ? res[res.length - 1]! : res;
        },
        release(err?: Error | boolean) {
          deferred = [];
          oneStatement = null;
          client.release(err);
        },
      };
    },
    end: () => pool.end(),
  };
}
