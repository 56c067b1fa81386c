import type { SqlExecutor } from '../db/database.ts';

/**
 * Allocates the next change number inside the caller's write transaction. The counter row stays
 * locked until that transaction ends, so numbers become visible strictly in order: a reader
 * that has seen n can never later find a committed change below n.
 */
export async function nextChangeSeq(tx: SqlExecutor): Promise<number> {
  const rows = await tx.query<{ value: number }>(
    'UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value',
  );
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('change_counter row is missing');
  return Number(value);
}

/**
 * Reserves `count` consecutive change numbers in one statement and returns the first. Bulk
 * writers use it: updating the counter row once per document inside one transaction leaves a
 * chain of row versions that every further update walks, which grows quadratically.
 */
export async function reserveChangeSeqs(tx: SqlExecutor, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`cannot reserve ${count} change numbers`);
  const rows = await tx.query<{ value: number }>(
    'UPDATE change_counter SET value = value + $1 WHERE id = 1 RETURNING value',
    [count],
  );
  const value = rows[0]?.value;
  if (value === undefined) throw new Error('change_counter row is missing');
  return Number(value) - count + 1;
}

export async function currentChangeSeq(db: SqlExecutor): Promise<number> {
  const rows = await db.query<{ value: number }>('SELECT value FROM change_counter WHERE id = 1');
  return Number(rows[0]?.value ?? 0);
}
