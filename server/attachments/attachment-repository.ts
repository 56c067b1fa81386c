import type { AttachmentUploadRequest } from '../../shared/api/attachment-contract.ts';
import type { AttachmentType } from '../../shared/attachments/attachment-rules.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { SqlExecutor } from '../db/database.ts';

export type AttachmentRow = {
  id: string;
  complaint_id: string;
  event_id: string;
  name: string;
  type: AttachmentType;
  size: number;
  received_bytes: number;
  complete: boolean;
  created_by: string;
};

const COLUMNS = `a.id, a.complaint_id, a.event_id, a.name, a.type, a.size, a.received_bytes,
  a.complete, a.created_by`;

/**
 * The complaint scope of an officer as SQL on `c` (complaints), parameters from `$first`:
 * the instansi, and for a penghubung its own unit.
 */
function complaintScope(officer: AuthenticatedOfficer, first: number) {
  return officer.role === 'penghubung'
    ? {
        sql: `c.instansi_id = $${first} AND c.unit_id = $${first + 1}`,
        params: [officer.instansiId, officer.unitId],
      }
    : { sql: `c.instansi_id = $${first}`, params: [officer.instansiId] };
}

export async function complaintVisibleTo(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  complaintId: string,
): Promise<boolean> {
  const scope = complaintScope(officer, 2);
  const rows = await db.query(`SELECT 1 FROM complaints c WHERE c.id = $1 AND ${scope.sql}`, [
    complaintId,
    ...scope.params,
  ]);
  return rows.length > 0;
}

/** An attachment the officer may read: its complaint is in scope and its event was accepted. */
export async function findReadableAttachment(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  id: string,
): Promise<AttachmentRow | null> {
  const scope = complaintScope(officer, 3);
  const rows = await db.query<AttachmentRow>(
    `SELECT ${COLUMNS} FROM attachments a JOIN complaints c ON c.id = a.complaint_id
      WHERE a.id = $1 AND ${scope.sql}
        AND (a.created_by = $2 OR EXISTS (SELECT 1 FROM complaint_events e
              WHERE e.id = a.event_id AND e.complaint_id = a.complaint_id
                AND e.attachments @> jsonb_build_array(jsonb_build_object('id', a.id::text))))`,
    [id, officer.id, ...scope.params],
  );
  return rows[0] ?? null;
}

export async function findOwnUpload(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  id: string,
  lock = false,
): Promise<AttachmentRow | null> {
  const rows = await db.query<AttachmentRow>(
    `SELECT ${COLUMNS} FROM attachments a WHERE a.id = $1 AND a.created_by = $2
      ${lock ? 'FOR UPDATE' : ''}`,
    [id, officer.id],
  );
  return rows[0] ?? null;
}

/**
 * Of `files` listed by an event, the ids that are not announced by `officer` for that same
 * complaint and event with the same name, type and size.
 */
export async function unannouncedAttachmentIds(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  event: { id: string; complaintId: string },
  files: readonly { id: string; name: string; type: string; size: number }[],
): Promise<string[]> {
  if (files.length === 0) return [];
  const rows = await db.query<{ id: string; name: string; type: string; size: number }>(
    `SELECT id, name, type, size FROM attachments
      WHERE id = ANY($1::text[]) AND created_by = $2 AND complaint_id = $3 AND event_id = $4`,
    [files.map((file) => file.id), officer.id, event.complaintId, event.id],
  );
  const announced = new Map(rows.map((row) => [row.id, row]));
  return files
    .filter((file) => {
      const row = announced.get(file.id);
      return !row || row.name !== file.name || row.type !== file.type || row.size !== file.size;
    })
    .map((file) => file.id);
}

export async function findAnyAttachment(db: SqlExecutor, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM attachments WHERE id = $1', [id])).length > 0;
}

export async function insertUpload(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  request: AttachmentUploadRequest,
  now: number,
): Promise<void> {
  await db.query(
    `INSERT INTO attachments (id, instansi_id, complaint_id, event_id, name, type, size,
       created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      request.id,
      officer.instansiId,
      request.complaintId,
      request.eventId,
      request.name,
      request.type,
      request.size,
      officer.id,
      new Date(now),
    ],
  );
}

/**
 * Stores one chunk as its own row at `offset` (the bytes received so far): an upload writes
 * about its own size, never the file again.
 */
export async function appendChunk(
  db: SqlExecutor,
  id: string,
  offset: number,
  chunk: Uint8Array,
): Promise<number> {
  await db.query(
    'INSERT INTO attachment_chunks (attachment_id, byte_offset, data) VALUES ($1, $2, $3)',
    [id, offset, chunk],
  );
  const rows = await db.query<{ received_bytes: number }>(
    `UPDATE attachments SET received_bytes = received_bytes + $2
      WHERE id = $1 RETURNING received_bytes`,
    [id, chunk.byteLength],
  );
  return Number(rows[0]?.received_bytes ?? 0);
}

/** The first `bytes` bytes of a file, from however many chunks hold them. */
export async function readHead(db: SqlExecutor, id: string, bytes: number): Promise<Uint8Array> {
  const rows = await db.query<{ head: Uint8Array }>(
    `SELECT substring(data FROM 1 FOR $2) AS head FROM attachment_chunks
      WHERE attachment_id = $1 AND byte_offset < $2 ORDER BY byte_offset`,
    [id, bytes],
  );
  return new Uint8Array(Buffer.concat(rows.map((row) => Buffer.from(row.head)))).subarray(0, bytes);
}

export async function markComplete(db: SqlExecutor, id: string, now: number): Promise<void> {
  await db.query('UPDATE attachments SET complete = true, completed_at = $2 WHERE id = $1', [
    id,
    new Date(now),
  ]);
}

/** A finished upload whose bytes are not what its type claims is discarded, to be sent again. */
export async function discardUpload(db: SqlExecutor, id: string): Promise<void> {
  await db.query('DELETE FROM attachments WHERE id = $1', [id]);
}

/**
 * A file's bytes chunk by chunk, one query each, so serving a file holds one chunk in memory,
 * not the whole file.
 */
export async function* readContentChunks(db: SqlExecutor, id: string): AsyncGenerator<Buffer> {
  let offset = 0;
  for (;;) {
    const [row] = await db.query<{ byte_offset: number; data: Uint8Array }>(
      `SELECT byte_offset, data FROM attachment_chunks
        WHERE attachment_id = $1 AND byte_offset >= $2 ORDER BY byte_offset LIMIT 1`,
      [id, offset],
    );
    if (!row) return;
    const data = Buffer.from(row.data);
    yield data;
    offset = Number(row.byte_offset) + data.byteLength;
  }
}
