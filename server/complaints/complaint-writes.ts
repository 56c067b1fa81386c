import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { SqlExecutor } from '../db/database.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { insertNumberedRows } from '../changes/insert-numbered-rows.ts';
import { COMPLAINT_INSERT_COLUMNS, complaintRowValues } from './complaint-row.ts';

/** Rows per statement: well under PostgreSQL's 65,535 bound parameters per statement. */
const INSERT_BATCH = 200;

/**
 * Writes new complaints (intake, import, seed), each with its own change number, in multi-row
 * statements. Returns each complaint's change number, in the order given.
 */
export function insertComplaints(
  tx: SqlExecutor,
  complaints: readonly Complaint[],
): Promise<number[]> {
  return insertNumberedRows(
    tx,
    'complaints',
    COMPLAINT_INSERT_COLUMNS,
    complaints,
    complaintRowValues,
    INSERT_BATCH,
  );
}

/** What an accepted device write stores of a complaint. */
export type ComplaintChanges = Pick<
  Complaint,
  | 'categoryId'
  | 'priority'
  | 'status'
  | 'unitId'
  | 'duplicateOf'
  | 'anonim'
  | 'rahasia'
  | 'statusChangedAt'
  | 'dueAt'
>;

/** Stores an accepted device write of a complaint under the change number `seq`. */
export async function writeComplaintChanges(
  tx: SqlExecutor,
  id: string,
  next: ComplaintChanges,
  stamp: { updatedAt: number; updatedBy: string; seq: number },
): Promise<void> {
  await tx.query(
    `UPDATE complaints SET category_id = $2, priority = $3, status = $4, status_changed_at = $5,
         due_at = $6, updated_at = $7, updated_by = $8, seq = $9, unit_id = $10, duplicate_of = $11,
         anonim = $12, rahasia = $13
       WHERE id = $1`,
    [
      id,
      next.categoryId,
      next.priority,
      next.status,
      new Date(next.statusChangedAt),
      next.dueAt > 0 ? new Date(next.dueAt) : null,
      new Date(stamp.updatedAt),
      stamp.updatedBy,
      stamp.seq,
      next.unitId || null,
      next.duplicateOf || null,
      next.anonim,
      next.rahasia,
    ],
  );
}

/**
 * Moves a complaint's status (its clock starting at `at`) under a new change number, which it
 * returns: the status move an accepted timeline event brings.
 */
export async function changeComplaintStatus(
  tx: SqlExecutor,
  id: string,
  move: { status: Complaint['status']; at: number; dueAt: number; by: string },
): Promise<number> {
  const seq = await nextChangeSeq(tx);
  await tx.query(
    `UPDATE complaints SET status = $2, status_changed_at = $3, due_at = $4, updated_at = $3,
       updated_by = $5, seq = $6 WHERE id = $1`,
    [
      id,
      move.status,
      new Date(move.at),
      move.dueAt > 0 ? new Date(move.dueAt) : null,
      move.by,
      seq,
    ],
  );
  return seq;
}

/** Gives a complaint a new change number, unchanged, so every device in its scope pulls it again. */
export async function renumberComplaint(tx: SqlExecutor, id: string): Promise<void> {
  await tx.query('UPDATE complaints SET seq = $1 WHERE id = $2', [await nextChangeSeq(tx), id]);
}

/**
 * Stores new due times (each with its change number) for complaints of one instansi, in one
 * statement; every value a bound parameter.
 */
export async function writeDueDates(
  tx: SqlExecutor,
  instansiId: string,
  updates: readonly { id: string; dueAt: number; seq: number }[],
): Promise<void> {
  await tx.query(
    `UPDATE complaints c SET due_at = u.due_at, seq = u.seq
       FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) AS u(id, due_at, seq)
      WHERE c.id = u.id AND c.instansi_id = $4`,
    [
      updates.map((update) => update.id),
      updates.map((update) => (update.dueAt > 0 ? new Date(update.dueAt) : null)),
      updates.map((update) => update.seq),
      instansiId,
    ],
  );
}
