import type { SqlExecutor } from './db/database.ts';

export type AuditEntry = {
  officerId: string | null;
  deviceId: string | null;
  action: string;
  collection?: string;
  documentId?: string;
  details?: Record<string, unknown>;
};

/** Appends to the audit log; never logs passwords, tokens or reporter identity. */
export async function appendAudit(db: SqlExecutor, entry: AuditEntry, now: number): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, officer_id, device_id, action, collection, document_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      new Date(now),
      entry.officerId,
      entry.deviceId,
      entry.action,
      entry.collection ?? null,
      entry.documentId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
