import type { SqlExecutor } from './db/database.ts';

export type AuditEntry = {
  officerId: string | null;
  deviceId: string | null;
  action: string;
  collection?: string;
  documentId?: string;
  details?: Record<string, unknown>;
  /** The instansi the entry belongs to; taken from the officer when absent. */
  instansiId?: string;
};

/**
 * Appends to the audit log; never logs passwords, tokens or reporter identity. The table refuses
 * UPDATE, DELETE and TRUNCATE (a trigger), so an entry once written stays as written.
 */
export async function appendAudit(db: SqlExecutor, entry: AuditEntry, now: number): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, officer_id, device_id, action, collection, document_id, details,
       instansi_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7,
       COALESCE($8::text, (SELECT instansi_id FROM officers WHERE id = $2::text)))`,
    [
      new Date(now),
      entry.officerId,
      entry.deviceId,
      entry.action,
      entry.collection ?? null,
      entry.documentId ?? null,
      JSON.stringify(entry.details ?? {}),
      entry.instansiId ?? null,
    ],
  );
}
