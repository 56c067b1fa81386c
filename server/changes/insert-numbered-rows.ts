import type { SqlExecutor } from '../db/database.ts';
import { reserveChangeSeqs } from './change-counter.ts';

/**
 * Inserts rows in multi-row statements, every value a bound parameter, with consecutive change
 * numbers reserved once per statement (never one counter update per row). Returns each row's
 * change number, in the order given.
 */
export async function insertNumberedRows<T>(
  tx: SqlExecutor,
  table: string,
  columns: readonly string[],
  rows: readonly T[],
  valuesOf: (row: T, seq: number) => unknown[],
  batchSize: number,
): Promise<number[]> {
  const seqs: number[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params: unknown[] = [];
    const tuples: string[] = [];
    const firstSeq = await reserveChangeSeqs(tx, batch.length);
    for (const [index, row] of batch.entries()) {
      const values = valuesOf(row, firstSeq + index);
      if (values.length !== columns.length) throw new Error(`${table} row shape`);
      const offset = params.length;
      tuples.push(`(${values.map((_value, i) => `$${offset + i + 1}`).join(', ')})`);
      params.push(...values);
      seqs.push(firstSeq + index);
    }
    await tx.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
  return seqs;
}
