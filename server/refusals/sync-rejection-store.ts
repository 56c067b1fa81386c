import { appendAudit } from '../audit-log.ts';
import type { SyncRejection } from '../../shared/schemas/sync-rejection.ts';
import { REJECTION_CODES } from '../../shared/schemas/sync-rejection.ts';
import type { SqlExecutor } from '../db/database.ts';
import { nextChangeSeq } from '../changes/change-counter.ts';
import { touchedCollections, type PushOutcome, type ReplicatedStore } from '../replicated-store.ts';

type RejectionRow = {
  id: string;
  officer_id: string;
  collection: string;
  document_id: string;
  reason_code: (typeof REJECTION_CODES)[number];
  reason: string;
  refused_document: unknown;
  identity_removed: boolean;
  document_truncated: boolean;
  created_at: Date;
  resolved_at: Date | null;
  seq: number;
};

const COLUMNS = `id, officer_id, collection, document_id, reason_code, reason, refused_document,
  identity_removed, document_truncated, created_at, resolved_at, seq`;

function fromRow(row: RejectionRow): SyncRejection {
  return {
    id: row.id,
    officerId: row.officer_id,
    targetCollection: row.collection,
    documentId: row.document_id,
    reasonCode: row.reason_code,
    reason: row.reason,
    refusedDocument:
      typeof row.refused_document === 'string'
        ? row.refused_document
        : JSON.stringify(row.refused_document),
    identityRemoved: row.identity_removed,
    documentTruncated: row.document_truncated,
    createdAt: row.created_at.getTime(),
    resolvedAt: row.resolved_at ? row.resolved_at.getTime() : 0,
    serverSeq: Number(row.seq),
  };
}

async function findOwn(
  db: SqlExecutor,
  id: string,
  officerId: string,
): Promise<RejectionRow | undefined> {
  const rows = await db.query<RejectionRow>(
    `SELECT ${COLUMNS} FROM sync_rejections WHERE id = $1 AND officer_id = $2`,
    [id, officerId],
  );
  return rows[0];
}

/**
 * Each officer receives only the refusals of their own writes. The one change a device may
 * push is marking a refusal resolved (redone or discarded); nothing else about it can change.
 */
export const syncRejectionStore: ReplicatedStore<SyncRejection> = {
  collection: 'sync_rejections',
  async pull(db, officer, afterSeq, limit) {
    const rows = await db.query<RejectionRow>(
      `SELECT ${COLUMNS} FROM sync_rejections WHERE officer_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [officer.id, afterSeq, limit],
    );
    const documents = rows.map((row) => ({ ...fromRow(row), _deleted: false }));
    const last = documents[documents.length - 1];
    return { documents, checkpoint: { seq: last ? last.serverSeq : afterSeq } };
  },
  async countAfter(db, officer, afterSeq) {
    const rows = await db.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM sync_rejections WHERE officer_id = $1 AND seq > $2',
      [officer.id, afterSeq],
    );
    return rows[0]?.count ?? 0;
  },
  async push(db, officer, rows, now) {
    const outcome: PushOutcome<SyncRejection> = {
      conflicts: [],
      accepted: 0,
      refused: 0,
      touched: [],
    };
    for (const row of rows) {
      const proposed = row.newDocumentState as Partial<SyncRejection>;
      const result = await db.transaction(async (tx) => {
        const current = await findOwn(tx, String(proposed.id ?? ''), officer.id);
        const audit = (action: 'write_accepted' | 'write_refused', reason?: string) =>
          appendAudit(
            tx,
            {
              officerId: officer.id,
              deviceId: officer.deviceId,
              action,
              collection: 'sync_rejections',
              documentId: String(proposed.id ?? '').slice(0, 40),
              details: reason ? { reason } : { fields: ['resolvedAt'] },
            },
            now,
          );
        if (!current) {
          // Refusals of refusals are not turned into further sync_rejections (no loop), only audited.
          await audit('write_refused', 'not_found');
          return null;
        }
        const master = fromRow(current);
        const onlyResolving =
          typeof proposed.resolvedAt === 'number' &&
          proposed.resolvedAt > 0 &&
          master.resolvedAt === 0 &&
          proposed.reason === master.reason &&
          proposed.refusedDocument === master.refusedDocument;
        if (master.resolvedAt > 0 && proposed.resolvedAt === master.resolvedAt)
          return 'accepted' as const;
        if (!onlyResolving) {
          await audit('write_refused', 'validation');
          return { ...master, _deleted: false };
        }
        await tx.query('UPDATE sync_rejections SET resolved_at = $1, seq = $2 WHERE id = $3', [
          new Date(now),
          await nextChangeSeq(tx),
          master.id,
        ]);
        await audit('write_accepted');
        return 'accepted' as const;
      });
      if (result === 'accepted') outcome.accepted += 1;
      else if (result) outcome.conflicts.push(result);
    }
    outcome.touched = touchedCollections('sync_rejections', outcome);
    return outcome;
  },
};
