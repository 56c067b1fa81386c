import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../../server/db/database.ts';
import { openTestDatabase } from '../support/test-server.ts';

/**
 * PostgreSQL ends a connection while a transaction on it waits between two statements (a
 * restart, a failover, a terminated backend). Found by the soak's PostgreSQL restart: the
 * checked-out connection reported the loss as an 'error' event nobody listened to, and that
 * ended the whole server process. Now the transaction fails and the next one gets a new
 * connection. (PGlite runs in the process: not applicable.)
 */
const pgOnly = inject('databaseKind') === 'postgresql';
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let db: Database;

beforeAll(async () => {
  if (!pgOnly) return;
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database?.drop());

async function terminate(pid: number): Promise<void> {
  const client = new pg.Client({ connectionString: database.url! });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend($1)', [pid]);
  } finally {
    await client.end();
  }
}

describe.skipIf(!pgOnly)('a connection lost in the middle of a transaction', () => {
  it('fails that transaction without ending the process, and the next one works', async () => {
    const uncaught: unknown[] = [];
    const record = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', record);
    try {
      const outcome = db
        .transaction(async (tx) => {
          const [row] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          // Between two statements, as while a request computes what to write.
          await terminate(row!.pid);
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.query('SELECT 1');
        })
        .then(
          () => 'committed',
          () => 'failed',
        );
      expect(await outcome).toBe('failed');
      expect(uncaught).toEqual([]);
      const [after] = await db.transaction((tx) => tx.query<{ one: number }>('SELECT 1 AS one'));
      expect(after).toEqual({ one: 1 });
    } finally {
      process.off('uncaughtException', record);
    }
  });
});
