import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { PushRow, WireDocument } from '../../shared/api/contract.ts';
import { roleSeesReporterIdentity } from '../../shared/domain/roles.ts';
import type { ComplaintEventKind } from '../../shared/domain/triage.ts';
import {
  computeComplaintDueAt,
  ruleSetInForce,
  STATUSES_WITH_CLOCK,
} from '../../shared/deadline/sla-rules.ts';
import { planDueDateUpdates } from '../../shared/deadline/plan-due-date-updates.ts';
import { decideClockStart } from '../../shared/deadline/decide-clock-start.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import { appendAudit } from '../audit-log.ts';
import { reserveChangeSeqs } from './change-counter.ts';
import { decideComplaintWrite } from './decide-complaint-write.ts';
import { recordSyncRejection } from './sync-rejections.ts';
import { reissueEventSeqs } from './complaint-event-store.ts';
import {
  complaintLeftUnit,
  scopeExitTombstones,
  countTombstones,
  mergePages,
  recordScopeExit,
  tombstoneOf,
} from './scope-exit-store.ts';
import type { PushOutcome, ReplicatedStore } from './replicated-store.ts';
import { CLOSED_STATUSES } from '../../shared/sync/plan-first-sync-phase.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from './working-calendar-repository.ts';

export type ComplaintRow = {
  id: string;
  instansi_id: string;
  tracking_number: string;
  title: string;
  body: string;
  type: Complaint['type'];
  channel: Complaint['channel'];
  category_id: string;
  unit_id: string | null;
  status: Complaint['status'];
  priority: Complaint['priority'];
  anonim: boolean;
  rahasia: boolean;
  berkadar_pengawasan: boolean;
  region_code: string;
  location_text: string;
  received_at: Date;
  status_changed_at: Date;
  due_at: Date | null;
  updated_at: Date;
  updated_by: string;
  seq: number;
  reporter_name: string;
  reporter_phone: string;
  reporter_email: string;
  duplicate_of: string | null;
};

/** Identity columns are selected only for officers allowed to see them. */
const PUBLIC_COLUMNS = `id, instansi_id, tracking_number, title, body, type, channel, category_id,
  unit_id, duplicate_of, status, priority, anonim, rahasia, berkadar_pengawasan, region_code, location_text,
  received_at, status_changed_at, due_at, updated_at, updated_by, seq`;
const IDENTITY_COLUMNS = 'reporter_name, reporter_phone, reporter_email';

function columnsFor(officer: AuthenticatedOfficer): string {
  return roleSeesReporterIdentity(officer.role)
    ? `${PUBLIC_COLUMNS}, ${IDENTITY_COLUMNS}`
    : PUBLIC_COLUMNS;
}

export function complaintFromRow(row: ComplaintRow, includeIdentity: boolean): Complaint {
  const complaint: Complaint = {
    id: row.id,
    instansiId: row.instansi_id,
    trackingNumber: row.tracking_number,
    title: row.title,
    body: row.body,
    type: row.type,
    channel: row.channel,
    categoryId: row.category_id,
    unitId: row.unit_id ?? '',
    duplicateOf: row.duplicate_of ?? '',
    status: row.status,
    priority: row.priority,
    anonim: row.anonim,
    rahasia: row.rahasia,
    berkadarPengawasan: row.berkadar_pengawasan,
    regionCode: row.region_code,
    locationText: row.location_text,
    receivedAt: row.received_at.getTime(),
    statusChangedAt: row.status_changed_at.getTime(),
    dueAt: row.due_at ? row.due_at.getTime() : 0,
    updatedAt: row.updated_at.getTime(),
    updatedBy: row.updated_by,
    serverSeq: Number(row.seq),
  };
  if (includeIdentity) {
    complaint.reporter = {
      name: row.reporter_name,
      phone: row.reporter_phone,
      email: row.reporter_email,
    };
  }
  return complaint;
}

/** The scope predicate of an officer, as SQL with its parameters starting at `$firstParam`. */
function scopeClause(
  officer: AuthenticatedOfficer,
  firstParam: number,
): { sql: string; params: unknown[] } {
  if (officer.role === 'penghubung') {
    return {
      sql: `instansi_id = $${firstParam} AND unit_id = $${firstParam + 1}`,
      params: [officer.instansiId, officer.unitId],
    };
  }
  return { sql: `instansi_id = $${firstParam}`, params: [officer.instansiId] };
}

async function loadActiveIds(db: SqlExecutor, instansiId: string) {
  const categories = await db.query<{ id: string }>(
    'SELECT id FROM categories WHERE instansi_id = $1 AND active',
    [instansiId],
  );
  const units = await db.query<{ id: string }>(
    'SELECT id FROM units WHERE instansi_id = $1 AND active',
    [instansiId],
  );
  return {
    activeCategoryIds: new Set(categories.map((row) => row.id)),
    activeUnitIds: new Set(units.map((row) => row.id)),
  };
}

/** What every row of one push shares: loaded once, and change numbers reserved together. */
type PushContext = {
  activeIds: { activeCategoryIds: ReadonlySet<string>; activeUnitIds: ReadonlySet<string> };
  takeSeq: () => Promise<number>;
  calendar: () => ReturnType<typeof loadWorkingCalendar>;
  ruleSets: () => ReturnType<typeof loadSlaRuleSets>;
};

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () => (loaded ??= load());
}

/** One pushed complaint, inside the push's transaction. */
async function pushOneComplaint(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  context: PushContext,
  now: number,
): Promise<{ conflict?: WireDocument<Complaint>; accepted: boolean; refused: boolean }> {
  const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
  const includeIdentity = roleSeesReporterIdentity(officer.role);
  const activeIds = context.activeIds;
  const scope = scopeClause(officer, 2);
  const locked = await tx.query<ComplaintRow>(
    `SELECT ${PUBLIC_COLUMNS}, ${IDENTITY_COLUMNS} FROM complaints
        WHERE id = $1 AND ${scope.sql} FOR UPDATE`,
    [documentId, ...scope.params],
  );
  const current = locked[0];
  if (!current) {
    const left = await complaintLeftUnit(tx, officer, documentId);
    await recordSyncRejection(
      tx,
      officer,
      'complaints',
      documentId,
      left
        ? {
            code: 'not_found',
            message: 'Pengaduan telah didisposisikan ke OPD lain; perubahan Anda disimpan di sini',
          }
        : { code: 'not_found', message: 'Pengaduan tidak ditemukan atau di luar wewenang Anda' },
      row.newDocumentState,
      now,
      await context.takeSeq(),
    );
    // The device drops its copy (the edit is kept in the refusal) instead of pushing it again.
    return left
      ? { conflict: tombstoneOf<Complaint>(documentId), accepted: false, refused: true }
      : { accepted: false, refused: true };
  }
  const master = complaintFromRow(current, false);
  const visibleMaster = { ...complaintFromRow(current, includeIdentity), _deleted: false };
  const stateWithoutIdentity = { ...(row.newDocumentState as object), reporter: undefined };
  const decision = decideComplaintWrite(master, row.assumedMasterState, stateWithoutIdentity, {
    role: officer.role,
    ...activeIds,
  });

  if (decision.kind === 'unchanged') {
    // Already applied (a re-delivery whose answer was lost). Unless the device's copy is the
    // master itself, answer with the master: the device may have skipped pulling it while its
    // own write was on the way, and would otherwise keep a stale change number for ever.
    const pushedSeq = (row.newDocumentState as { serverSeq?: unknown }).serverSeq;
    return pushedSeq === master.serverSeq
      ? { accepted: true, refused: false }
      : { conflict: visibleMaster, accepted: true, refused: false };
  }
  if (decision.kind === 'awaits_event') {
    return refuseStatusAwaitingEvent(tx, officer, row, decision.event, visibleMaster, context, now);
  }
  if (decision.kind === 'conflict')
    return { conflict: visibleMaster, accepted: false, refused: false };
  if (decision.kind === 'accept' && decision.changes.duplicateOf) {
    const original = await tx.query('SELECT 1 FROM complaints WHERE id = $1 AND instansi_id = $2', [
      decision.changes.duplicateOf,
      officer.instansiId,
    ]);
    if (original.length === 0) {
      await recordSyncRejection(
        tx,
        officer,
        'complaints',
        documentId,
        { code: 'validation', message: 'Pengaduan asli untuk tanda duplikat tidak ditemukan' },
        row.newDocumentState,
        now,
        await context.takeSeq(),
      );
      return { conflict: visibleMaster, accepted: false, refused: true };
    }
  }
  if (decision.kind === 'accept' && decision.changes.status === 'selesai') {
    // Closing tells the reporter the matter is done: there must be an answer to read first
    // (an imported complaint may sit in ditindaklanjuti without one).
    const answered = await tx.query(
      `SELECT 1 FROM complaint_events WHERE complaint_id = $1 AND kind = 'tindak_lanjut' LIMIT 1`,
      [documentId],
    );
    if (answered.length === 0) {
      await recordSyncRejection(
        tx,
        officer,
        'complaints',
        documentId,
        {
          code: 'lifecycle',
          message:
            'Pengaduan hanya dapat diselesaikan setelah ada tanggapan publik (tindak lanjut)',
        },
        row.newDocumentState,
        now,
        await context.takeSeq(),
      );
      return { conflict: visibleMaster, accepted: false, refused: true };
    }
  }
  if (decision.kind === 'refuse') {
    await recordSyncRejection(
      tx,
      officer,
      'complaints',
      documentId,
      decision.reason,
      row.newDocumentState,
      now,
      await context.takeSeq(),
    );
    return { conflict: visibleMaster, accepted: false, refused: true };
  }

  const next = { ...master, ...decision.changes };
  const statusChangedAt = decideClockStart(master, next, now);
  const calendar = await context.calendar();
  const rules = ruleSetInForce(await context.ruleSets(), next.receivedAt);
  const dueAt = computeComplaintDueAt({ ...next, statusChangedAt }, rules, calendar);
  const seq = await context.takeSeq();
  await tx.query(
    `UPDATE complaints SET category_id = $2, priority = $3, status = $4, status_changed_at = $5,
         due_at = $6, updated_at = $7, updated_by = $8, seq = $9, unit_id = $10, duplicate_of = $11,
         anonim = $12, rahasia = $13
       WHERE id = $1`,
    [
      documentId,
      next.categoryId,
      next.priority,
      next.status,
      new Date(statusChangedAt),
      dueAt > 0 ? new Date(dueAt) : null,
      new Date(now),
      officer.id,
      seq,
      next.unitId || null,
      next.duplicateOf || null,
      next.anonim,
      next.rahasia,
    ],
  );
  if (next.unitId !== master.unitId) {
    await recordScopeExit(tx, documentId, master.unitId, next.unitId, seq);
    await reissueEventSeqs(tx, documentId);
  }
  await appendAudit(
    tx,
    {
      officerId: officer.id,
      deviceId: officer.deviceId,
      action: 'write_accepted',
      collection: 'complaints',
      documentId,
      details: { fields: Object.keys(decision.changes), seq },
    },
    now,
  );
  // A status move left to its event (see decideComplaintWrite) is not answered here: the device
  // pulls this master, and the event, when the server accepts it, moves the status.
  return { accepted: true, refused: false };
}

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
  // One statement for all of them; every value a bound parameter.
  await tx.query(
    `UPDATE complaints c SET due_at = u.due_at, seq = u.seq
       FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) AS u(id, due_at, seq)
      WHERE c.id = u.id AND c.instansi_id = $4`,
    [
      updates.map((update) => update.id),
      updates.map((update) => (update.dueAt > 0 ? new Date(update.dueAt) : null)),
      updates.map((_update, index) => firstSeq + index),
      instansiId,
    ],
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

/** What the refusal of a status move says, by the event that alone may bring it. */
const AWAITED_EVENT_MESSAGES: Partial<Record<ComplaintEventKind, string>> = {
  tindak_lanjut:
    'Status Ditindaklanjuti hanya berubah saat server menerima tanggapan publik (tindak lanjut) untuk pengaduan ini',
  buka_kembali:
    'Pengaduan selesai hanya dibuka kembali bersama riwayat "buka kembali" beserta alasannya',
};

/**
 * A status move pushed without the event that alone brings it (see EVENT_DRIVEN_TRANSITIONS):
 * the complaint goes back to the master. When that event of this officer was itself refused,
 * that refusal already tells the officer; otherwise the move is refused and recorded, and the
 * refusal is closed by the server if the event arrives after all (see
 * resolveRefusalsSettledByEvent).
 */
async function refuseStatusAwaitingEvent(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  event: ComplaintEventKind,
  visibleMaster: WireDocument<Complaint>,
  context: PushContext,
  now: number,
): Promise<{ conflict: WireDocument<Complaint>; accepted: boolean; refused: boolean }> {
  const refusedEvent = await tx.query(
    `SELECT 1 FROM sync_rejections WHERE officer_id = $1 AND collection = 'complaint_events'
         AND resolved_at IS NULL AND refused_document->>'complaintId' = $2
         AND refused_document->>'kind' = $3
         AND NOT EXISTS (SELECT 1 FROM complaint_events WHERE complaint_id = $2
           AND kind = $3 AND officer_id = $1)
       LIMIT 1`,
    [officer.id, visibleMaster.id, event],
  );
  if (refusedEvent.length > 0) return { conflict: visibleMaster, accepted: false, refused: false };
  await recordSyncRejection(
    tx,
    officer,
    'complaints',
    visibleMaster.id,
    {
      code: 'lifecycle',
      message: AWAITED_EVENT_MESSAGES[event] ?? `Perubahan status ini memerlukan riwayat ${event}`,
    },
    row.newDocumentState,
    now,
    await context.takeSeq(),
  );
  return { conflict: visibleMaster, accepted: false, refused: true };
}

export const complaintStore: ReplicatedStore<Complaint> = {
  collection: 'complaints',

  async pull(db, officer, afterSeq, limit, tombstonesAfter = afterSeq, exceptOpenUpTo = 0) {
    const includeIdentity = roleSeesReporterIdentity(officer.role);
    const scope = scopeClause(officer, 5);
    const rows = await db.query<ComplaintRow>(
      `SELECT ${columnsFor(officer)} FROM complaints
        WHERE seq > $1 AND ${scope.sql}
          AND NOT (seq <= $3 AND status <> ALL($4::text[]))
        ORDER BY seq LIMIT $2`,
      [afterSeq, limit, exceptOpenUpTo, CLOSED_STATUSES, ...scope.params],
    );
    const alive = rows.map((row) => ({
      seq: Number(row.seq),
      document: { ...complaintFromRow(row, includeIdentity), _deleted: false },
    }));
    // A penghubung's page also holds, in the same order, tombstones of complaints re-disposed
    // away from its OPD.
    const gone = await scopeExitTombstones<Complaint>(
      db,
      officer,
      'complaints',
      Math.max(afterSeq, tombstonesAfter),
      limit,
    );
    return mergePages(alive, gone, limit, afterSeq);
  },

  async pullOpen(db, officer, query) {
    const includeIdentity = roleSeesReporterIdentity(officer.role);
    const scope = scopeClause(officer, 8);
    const overdue = '(due_at IS NOT NULL AND due_at < $3)::integer';
    // Milliseconds, as the cursor carries them: a finer stored time would skip rows between pages.
    const received = "date_trunc('milliseconds', received_at)";
    const rows = await db.query<ComplaintRow>(
      `SELECT ${columnsFor(officer)} FROM complaints
        WHERE seq <= $1 AND status <> ALL($2::text[]) AND ${scope.sql}
          AND ($6::text IS NULL OR (${overdue}, ${received}, id) < ($4::integer, $5::timestamptz, $6::text))
        ORDER BY ${overdue} DESC, ${received} DESC, id DESC LIMIT $7`,
      [
        query.head,
        CLOSED_STATUSES,
        new Date(query.asOf),
        query.after?.o ?? 0,
        new Date(query.after?.r ?? 0),
        query.after?.id ?? null,
        query.limit,
        ...scope.params,
      ],
    );
    return rows.map((row) => ({ ...complaintFromRow(row, includeIdentity), _deleted: false }));
  },

  async countAfter(db, officer, afterSeq, tombstonesAfter = afterSeq) {
    const scope = scopeClause(officer, 2);
    const rows = await db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM complaints WHERE seq > $1 AND ${scope.sql}`,
      [afterSeq, ...scope.params],
    );
    const exits = await countTombstones(
      db,
      officer,
      'complaints',
      Math.max(afterSeq, tombstonesAfter),
    );
    return (rows[0]?.count ?? 0) + exits;
  },

  async push(db, officer, rows, now) {
    const outcome: PushOutcome<Complaint> = { conflicts: [], accepted: 0, refused: 0 };
    if (officer.role === 'koordinator') {
      // Read-only role: every write is refused and recorded, never silently dropped.
      for (const row of rows) {
        const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
        const master = await db.transaction(async (tx) => {
          await recordSyncRejection(
            tx,
            officer,
            'complaints',
            documentId,
            { code: 'read_only', message: 'Koordinator hanya dapat membaca pengaduan' },
            row.newDocumentState,
            now,
          );
          const found = await tx.query<ComplaintRow>(
            `SELECT ${PUBLIC_COLUMNS} FROM complaints WHERE id = $1 AND instansi_id = $2`,
            [documentId, officer.instansiId],
          );
          return found[0] ? { ...complaintFromRow(found[0], false), _deleted: false } : null;
        });
        outcome.refused += 1;
        if (master) outcome.conflicts.push(master);
      }
      return outcome;
    }
    const activeIds = await loadActiveIds(db, officer.instansiId);
    const ids = [
      ...new Set(rows.map((row) => String((row.newDocumentState as { id?: unknown }).id ?? ''))),
    ];
    // One transaction per push: one commit, and one counter update reserving a number for
    // each row (a row takes at most one: its write or its refusal; unused numbers are gaps).
    await db.transaction(async (tx) => {
      // Rows locked in id order, so concurrent pushes of overlapping complaints cannot deadlock.
      await tx.query(
        'SELECT id FROM complaints WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [ids],
      );
      // Reserved when first needed, for this row and every later one: nothing is counted
      // for a push that writes nothing.
      let processed = 0;
      let nextSeq = 0;
      let endSeq = 0;
      const context: PushContext = {
        activeIds,
        async takeSeq() {
          if (nextSeq >= endSeq) {
            const count = rows.length - processed;
            nextSeq = await reserveChangeSeqs(tx, count);
            endSeq = nextSeq + count;
          }
          return nextSeq++;
        },
        calendar: once(() => loadWorkingCalendar(tx, officer.instansiId)),
        ruleSets: once(() => loadSlaRuleSets(tx, officer.instansiId)),
      };
      for (const row of rows) {
        const result = await pushOneComplaint(tx, officer, row, context, now);
        processed += 1;
        if (result.conflict) outcome.conflicts.push(result.conflict);
        if (result.accepted) outcome.accepted += 1;
        if (result.refused) outcome.refused += 1;
      }
    });
    return outcome;
  },
};
