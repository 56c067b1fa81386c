import type { WireDocument } from '../../shared/api/contract.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import type { SqlExecutor } from '../db/database.ts';
import { ADMIN_ONLY_KINDS } from '../timeline/admin-only-event-kinds.ts';
import { reserveChangeSeqs } from '../changes/change-counter.ts';

/**
 * Owner of `complaint_scope_exits` and `complaint_event_scope_exits`: which complaints, and
 * which of their timeline events, left an OPD, and at which change number that OPD's officers
 * receive the tombstone of each.
 */

/**
 * A tombstone: the id and RxDB's deleted flag, nothing of the document (no content, no officer,
 * no unit). Typed as the collection's document because RxDB's replication takes it as one; a
 * reader of a `_deleted` document must read nothing but its id.
 */
export function tombstoneOf<T>(id: string): WireDocument<T> {
  return { id, _deleted: true } as unknown as WireDocument<T>;
}

/** A page entry with the change number it is ordered by (never sent inside a tombstone). */
export type Sequenced<T> = { seq: number; document: WireDocument<T> };

/**
 * The first `limit` entries of two pages, each already ordered by change number and cut at
 * `limit`, in change-number order, with the page's checkpoint.
 */
export function mergePages<T>(
  alive: readonly Sequenced<T>[],
  gone: readonly Sequenced<T>[],
  limit: number,
  afterSeq: number,
): { documents: WireDocument<T>[]; checkpoint: { seq: number } } {
  const page = [...alive, ...gone].sort((a, b) => a.seq - b.seq).slice(0, limit);
  const last = page[page.length - 1];
  return {
    documents: page.map((entry) => entry.document),
    checkpoint: { seq: last ? last.seq : afterSeq },
  };
}

/**
 * Records that a complaint left `fromUnitId` at change number `seq`: one tombstone for the
 * complaint and one, with its own change number, for each timeline event the OPD held then
 * (later events never reach it). A complaint coming back to `toUnitId` is in its scope again,
 * events and all, so that OPD's pending tombstones of it are dropped.
 */
export async function recordScopeExit(
  tx: SqlExecutor,
  complaintId: string,
  fromUnitId: string,
  toUnitId: string,
  seq: number,
): Promise<void> {
  if (fromUnitId) {
    await tx.query(
      `INSERT INTO complaint_scope_exits (complaint_id, unit_id, seq) VALUES ($1, $2, $3)
       ON CONFLICT (complaint_id, unit_id) DO UPDATE SET seq = EXCLUDED.seq`,
      [complaintId, fromUnitId, seq],
    );
    const held = await tx.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM complaint_events
        WHERE complaint_id = $1 AND kind <> ALL($2::text[])`,
      [complaintId, ADMIN_ONLY_KINDS],
    );
    const count = held[0]?.count ?? 0;
    if (count > 0) {
      const first = await reserveChangeSeqs(tx, count);
      await tx.query(
        `INSERT INTO complaint_event_scope_exits (event_id, unit_id, complaint_id, seq)
         SELECT id, $2, $1, $3::bigint + row_number() OVER (ORDER BY seq, id) - 1
           FROM complaint_events WHERE complaint_id = $1 AND kind <> ALL($4::text[])
         ON CONFLICT (event_id, unit_id) DO UPDATE SET seq = EXCLUDED.seq`,
        [complaintId, fromUnitId, first, ADMIN_ONLY_KINDS],
      );
    }
  }
  if (toUnitId) {
    await tx.query('DELETE FROM complaint_scope_exits WHERE complaint_id = $1 AND unit_id = $2', [
      complaintId,
      toUnitId,
    ]);
    await tx.query(
      'DELETE FROM complaint_event_scope_exits WHERE complaint_id = $1 AND unit_id = $2',
      [complaintId, toUnitId],
    );
  }
}

type ExitRow = { id: string; seq: number };

/** The scope-exit table of a collection: one of two constants, never input. */
function exitTableOf(collection: 'complaints' | 'complaint_events') {
  return collection === 'complaints'
    ? { table: 'complaint_scope_exits', idColumn: 'complaint_id' }
    : { table: 'complaint_event_scope_exits', idColumn: 'event_id' };
}

/**
 * Tombstones after change number `afterSeq` of what left the officer's OPD: complaints
 * re-disposed away, and the timeline events the OPD held when they left.
 */
export async function scopeExitTombstones<T>(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  collection: 'complaints' | 'complaint_events',
  afterSeq: number,
  limit: number,
): Promise<Sequenced<T>[]> {
  if (officer.role !== 'penghubung') return [];
  const { table, idColumn } = exitTableOf(collection);
  const rows = await db.query<ExitRow>(
    `SELECT ${idColumn} AS id, seq FROM ${table}
      WHERE unit_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [officer.unitId, afterSeq, limit],
  );
  return rows.map((row) => ({ seq: Number(row.seq), document: tombstoneOf<T>(row.id) }));
}

export async function countTombstones(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  collection: 'complaints' | 'complaint_events',
  afterSeq: number,
): Promise<number> {
  if (officer.role !== 'penghubung') return 0;
  const { table } = exitTableOf(collection);
  const rows = await db.query<{ count: number }>(
    `SELECT count(*)::integer AS count FROM ${table} WHERE unit_id = $1 AND seq > $2`,
    [officer.unitId, afterSeq],
  );
  return rows[0]?.count ?? 0;
}

/** Whether the complaint left the officer's OPD (and has not come back). */
export async function complaintLeftUnit(
  db: SqlExecutor,
  officer: AuthenticatedOfficer,
  complaintId: string,
): Promise<boolean> {
  if (officer.role !== 'penghubung') return false;
  const rows = await db.query(
    `SELECT 1 FROM complaint_scope_exits x JOIN complaints c ON c.id = x.complaint_id
      WHERE x.complaint_id = $1 AND x.unit_id = $2 AND c.instansi_id = $3`,
    [complaintId, officer.unitId, officer.instansiId],
  );
  return rows.length > 0;
}
