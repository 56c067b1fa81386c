import type { Complaint } from '../../shared/schemas/complaint.ts';
import { STATUSES_WITH_CLOCK } from '../../shared/deadline/sla-rules.ts';
import { planDueDateUpdates } from '../../shared/deadline/plan-due-date-updates.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { reserveChangeSeqs } from '../changes/change-counter.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';
import { writeDueDates } from './complaint-writes.ts';

/**
 * Brings the stored due time of every running clock of an instansi to the one its calendar and
 * rule sets give now, inside the caller's transaction (the one that changed a holiday or a rule
 * set). Each moved complaint gets a new change number, so every device in its scope pulls it.
 * Rows are locked in id order, like a push, so the two cannot deadlock; a push waiting on them
 * reads the calendar after this commits. Returns how many due times moved.
 */
export async function recomputeRunningDueDates(
  tx: SqlExecutor,
  instansiId: string,
): Promise<number> {
  const rows = await tx.query<{
    id: string;
    status: Complaint['status'];
    type: Complaint['type'];
    berkadar_pengawasan: boolean;
    received_at: Date;
    status_changed_at: Date;
    due_at: Date | null;
  }>(
    `SELECT id, status, type, berkadar_pengawasan, received_at, status_changed_at, due_at
       FROM complaints WHERE instansi_id = $1 AND status = ANY($2::text[])
      ORDER BY id FOR UPDATE`,
    [instansiId, [...STATUSES_WITH_CLOCK]],
  );
  if (rows.length === 0) return 0;
  const updates = planDueDateUpdates(
    rows.map((row) => ({
      id: row.id,
      status: row.status,
      type: row.type,
      berkadarPengawasan: row.berkadar_pengawasan,
      receivedAt: row.received_at.getTime(),
      statusChangedAt: row.status_changed_at.getTime(),
      dueAt: row.due_at ? row.due_at.getTime() : 0,
    })),
    await loadSlaRuleSets(tx, instansiId),
    await loadWorkingCalendar(tx, instansiId),
  );
  if (updates.length === 0) return 0;
  const firstSeq = await reserveChangeSeqs(tx, updates.length);
  await writeDueDates(
    tx,
    instansiId,
    updates.map((update, index) => ({ id: update.id, dueAt: update.dueAt, seq: firstSeq + index })),
  );
  return updates.length;
}

/**
 * Brings every instansi's running due dates to the calendar and rules stored now, one
 * transaction per instansi: run at start, it heals due dates stored before holiday and rule
 * edits moved them. Returns how many moved.
 */
export async function recomputeAllRunningDueDates(db: Database): Promise<number> {
  const instansi = await db.query<{ id: string }>('SELECT id FROM instansi ORDER BY id');
  let moved = 0;
  for (const { id } of instansi) {
    moved += await db.transaction((tx) => recomputeRunningDueDates(tx, id));
  }
  return moved;
}
