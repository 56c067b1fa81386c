import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../db/database.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from './change-counter.ts';

export type RejectionReason = {
  code: 'validation' | 'permission' | 'lifecycle' | 'not_found' | 'read_only' | 'append_only';
  message: string;
};

/** Records a refused write so the officer is told what was refused and why; nothing vanishes. */
export async function recordSyncRejection(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  collection: string,
  documentId: string,
  reason: RejectionReason,
  refusedDocument: unknown,
  now: number,
  /** A change number the caller reserved; otherwise one is taken here. */
  seq?: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO sync_rejections (id, officer_id, device_id, collection, document_id, reason_code,
       reason, refused_document, created_at, seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      randomUUID(),
      officer.id,
      officer.deviceId,
      collection,
      documentId,
      reason.code,
      reason.message,
      JSON.stringify(refusedDocument),
      new Date(now),
      seq ?? (await nextChangeSeq(tx)),
    ],
  );
  await appendAudit(
    tx,
    {
      officerId: officer.id,
      deviceId: officer.deviceId,
      action: 'write_refused',
      collection,
      documentId,
      details: { reason: reason.code },
    },
    now,
  );
}

/**
 * The status move a device pushed ahead of its event was refused while that event was still on
 * its way (see refuseStatusAwaitingEvent): once the server accepts the event and makes the
 * move, those refusals are settled, and closing them tells the device so.
 */
export async function resolveRefusalsSettledByEvent(
  tx: SqlExecutor,
  officerId: string,
  complaintId: string,
  status: string,
  now: number,
): Promise<void> {
  const open = await tx.query<{ id: string }>(
    `SELECT id FROM sync_rejections WHERE officer_id = $1 AND collection = 'complaints'
        AND document_id = $2 AND reason_code = 'lifecycle' AND resolved_at IS NULL
        AND refused_document->>'status' = $3`,
    [officerId, complaintId, status],
  );
  for (const refusal of open) {
    await tx.query('UPDATE sync_rejections SET resolved_at = $1, seq = $2 WHERE id = $3', [
      new Date(now),
      await nextChangeSeq(tx),
      refusal.id,
    ]);
  }
}
