import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../db/database.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import {
  DEFAULT_REFUSAL_LIMITS,
  planRefusalRecord,
  type RefusalLimits,
} from './plan-refusal-record.ts';
import type { AppError } from '../../shared/errors/error-codes.ts';
import { describeErrorInIndonesian } from '../../shared/errors/error-texts-id.ts';

export type RejectionReason = {
  code: 'validation' | 'permission' | 'lifecycle' | 'not_found' | 'read_only' | 'append_only';
  /** Indonesian, kept for the audit and for workstations older than error codes. */
  message: string;
  /** What the workstation words in its officer's language. */
  error: AppError;
};

/** A refusal of this kind for this error; its Indonesian message is the error's wording. */
export function rejectionReason(
  code: RejectionReason['code'],
  error: AppError,
  message: string = describeErrorInIndonesian(error),
): RejectionReason {
  return { code, message, error };
}

/**
 * The limits of the push being served: the replication route runs each push inside it, so
 * every store's refusals obey the server's configuration without each store passing it on.
 */
export const refusalLimitsOfPush = new AsyncLocalStorage<RefusalLimits>();

/**
 * An officer already holds as many unresolved refusals as allowed: the refusal is not stored,
 * the push's transaction is rolled back and the push is answered 429, so the device keeps the
 * write pending until the officer has dealt with the refusals it holds.
 */
export class RefusalLimitReached extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`officer holds ${limit} unresolved refusals`);
    this.limit = limit;
  }
}

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
  const limits = refusalLimitsOfPush.getStore() ?? DEFAULT_REFUSAL_LIMITS;
  const open = await tx.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM sync_rejections
      WHERE officer_id = $1 AND resolved_at IS NULL`,
    [officer.id],
  );
  if ((open[0]?.count ?? 0) >= limits.openPerOfficer)
    throw new RefusalLimitReached(limits.openPerOfficer);
  const record = planRefusalRecord(refusedDocument, limits);
  await tx.query(
    `INSERT INTO sync_rejections (id, officer_id, device_id, collection, document_id, reason_code,
       reason, refused_document, identity_removed, document_truncated, created_at, seq,
       reason_error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      randomUUID(),
      officer.id,
      officer.deviceId,
      collection,
      documentId,
      reason.code,
      reason.message,
      JSON.stringify(record.document),
      record.identityRemoved,
      record.documentTruncated,
      new Date(now),
      seq ?? (await nextChangeSeq(tx)),
      JSON.stringify(reason.error),
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
      details: { reason: reason.code, error: reason.error.code },
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
