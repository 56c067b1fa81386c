import pg from 'pg';
import type { Database, SqlExecutor } from './database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';

// int8 (bigint) columns hold change numbers well below 2^53; parse them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** How long the server waits for PostgreSQL before it answers "unavailable" instead of hanging. */
export type PgTimeouts = {
  /** Getting a connection: connecting, or waiting for a free one in the pool. */
  connectMs: number;
  /**
   * One statement, enforced by PostgreSQL (statement_timeout) and, for a server that cannot
   * answer at all (frozen, unreachable), by the client a little later.
   */
  statementMs: number;
};

export const DEFAULT_PG_TIMEOUTS: PgTimeouts = { connectMs: 5_000, statementMs: 30_000 };

export function openPgDatabase(
  connectionString: string,
  maxConnections = 10,
  timeouts: PgTimeouts = DEFAULT_PG_TIMEOUTS,
): Database {
  const pool = new pg.Pool({
    connectionString,
    max: maxConnections,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    // A transaction left open by a stuck request holds its locks no longer than a statement.
    idle_in_transaction_session_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 1_000,
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });

  return {
    kind: 'postgresql',
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await pool.query(sql, params as unknown[]);
      return result.rows as Row[];
    },
    async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let failed: unknown;
      // The server may end the connection while the transaction waits between two statements
      // (a restart, a failover): the client reports it as an 'error' event, which would end the
      // process with nobody listening. The next statement then fails, and so does the transaction.
      let lost = false;
      const onLost = () => {
        lost = true;
      };
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const tx: SqlExecutor = {
          async query<Row>(sql: string, params: readonly unknown[] = []) {
            const result = await client.query(sql, params as unknown[]);
            return result.rows as Row[];
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        failed = error;
        throw error;
      } finally {
        // A connection that failed (timed out, cut) is dropped, not handed to the next request.
        client.off('error', onLost);
        client.release(lost || (failed instanceof Error && isDatabaseUnavailable(failed)));
      }
    },
    async execScript(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
