import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { PushRow, WireDocument } from '../../shared/api/contract.ts';
import { roleSeesReporterIdentity } from '../../shared/domain/roles.ts';
import type { ComplaintEventKind } from '../../shared/domain/triage.ts';
import { computeComplaintDueAt, ruleSetInForce } from '../../shared/deadline/sla-rules.ts';
import { decideClockStart } from '../../shared/deadline/decide-clock-start.ts';
import type { SqlExecutor } from '../db/database.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import { appendAudit } from '../audit-log.ts';
import { reserveChangeSeqs } from '../changes/change-counter.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';
import { decideComplaintWrite, type ComplaintWriteDecision } from './decide-complaint-write.ts';
import {
  decideComplaintPush,
  factsNeededFor,
  type ComplaintPushStep,
  type StoredComplaintFacts,
} from './decide-complaint-push.ts';
import {
  COMPLAINT_IDENTITY_COLUMNS,
  COMPLAINT_PUBLIC_COLUMNS,
  complaintColumnsFor,
  complaintFromRow,
  type ComplaintRow,
} from './complaint-row.ts';
import { writeComplaintChanges } from './complaint-writes.ts';
import {
  recordSyncRejection,
  rejectionReason,
  type RejectionReason,
} from '../refusals/sync-rejections.ts';
import { reissueEventSeqs } from '../timeline/complaint-event-rows.ts';
import {
  complaintLeftUnit,
  scopeExitTombstones,
  countTombstones,
  mergePages,
  recordScopeExit,
  tombstoneOf,
} from './scope-exit-store.ts';
import { touchedCollections, type PushOutcome, type ReplicatedStore } from '../replicated-store.ts';
import { appError, type AppError } from '../../shared/errors/error-codes.ts';
import { CLOSED_STATUSES, openCursorOf } from '../../shared/sync/plan-first-sync-phase.ts';

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

type RowResult = { conflict?: WireDocument<Complaint>; accepted: boolean; refused: boolean };

function pushedId(row: PushRow<unknown>): string {
  return String((row.newDocumentState as { id?: unknown }).id ?? '');
}

/** Locks the pushed complaint if it is in the officer's scope, with every column. */
async function lockComplaintInScope(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  documentId: string,
): Promise<ComplaintRow | undefined> {
  const scope = scopeClause(officer, 2);
  const locked = await tx.query<ComplaintRow>(
    `SELECT ${COMPLAINT_PUBLIC_COLUMNS}, ${COMPLAINT_IDENTITY_COLUMNS} FROM complaints
        WHERE id = $1 AND ${scope.sql} FOR UPDATE`,
    [documentId, ...scope.params],
  );
  return locked[0];
}

/** Reads only the stored facts the decision needs (see factsNeededFor). */
async function storedFactsFor(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  decision: ComplaintWriteDecision,
  documentId: string,
): Promise<StoredComplaintFacts> {
  const needed = factsNeededFor(decision);
  const facts: StoredComplaintFacts = { duplicateOriginalFound: true, answered: true };
  if (needed.duplicateOf) {
    const original = await tx.query('SELECT 1 FROM complaints WHERE id = $1 AND instansi_id = $2', [
      needed.duplicateOf,
      officer.instansiId,
    ]);
    facts.duplicateOriginalFound = original.length > 0;
    if (!facts.duplicateOriginalFound) return facts;
  }
  if (needed.closing) {
    const answered = await tx.query(
      `SELECT 1 FROM complaint_events WHERE complaint_id = $1 AND kind = 'tindak_lanjut' LIMIT 1`,
      [documentId],
    );
    facts.answered = answered.length > 0;
  }
  return facts;
}

async function recordComplaintRefusal(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  reason: RejectionReason,
  context: PushContext,
  now: number,
): Promise<void> {
  await recordSyncRejection(
    tx,
    officer,
    'complaints',
    pushedId(row),
    reason,
    row.newDocumentState,
    now,
    await context.takeSeq(),
  );
}

/** The pushed complaint is not (or no longer) in the officer's scope. */
async function refuseOutOfScope(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  context: PushContext,
  now: number,
): Promise<RowResult> {
  const documentId = pushedId(row);
  const left = await complaintLeftUnit(tx, officer, documentId);
  await recordComplaintRefusal(
    tx,
    officer,
    row,
    left
      ? rejectionReason('not_found', appError('complaint_moved_to_other_unit'))
      : rejectionReason('not_found', appError('complaint_not_found')),
    context,
    now,
  );
  // The device drops its copy (the edit is kept in the refusal) instead of pushing it again.
  return left
    ? { conflict: tombstoneOf<Complaint>(documentId), accepted: false, refused: true }
    : { accepted: false, refused: true };
}

/** Stores an accepted write with its new clock and due time, and what follows from it. */
async function applyComplaintWrite(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  master: Complaint,
  changes: Extract<ComplaintPushStep, { kind: 'write' }>['changes'],
  context: PushContext,
  now: number,
): Promise<void> {
  const next = { ...master, ...changes };
  const statusChangedAt = decideClockStart(master, next, now);
  const calendar = await context.calendar();
  const rules = ruleSetInForce(await context.ruleSets(), next.receivedAt);
  const dueAt = computeComplaintDueAt({ ...next, statusChangedAt }, rules, calendar);
  const seq = await context.takeSeq();
  await writeComplaintChanges(
    tx,
    master.id,
    { ...next, statusChangedAt, dueAt },
    { updatedAt: now, updatedBy: officer.id, seq },
  );
  if (next.unitId !== master.unitId) {
    await recordScopeExit(tx, master.id, master.unitId, next.unitId, seq);
    await reissueEventSeqs(tx, master.id);
  }
  await appendAudit(
    tx,
    {
      officerId: officer.id,
      deviceId: officer.deviceId,
      action: 'write_accepted',
      collection: 'complaints',
      documentId: master.id,
      details: { fields: Object.keys(changes), seq },
    },
    now,
  );
}

/** One pushed complaint, inside the push's transaction. */
async function pushOneComplaint(
  tx: SqlExecutor,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  context: PushContext,
  now: number,
): Promise<RowResult> {
  const current = await lockComplaintInScope(tx, officer, pushedId(row));
  if (!current) return refuseOutOfScope(tx, officer, row, context, now);
  const master = complaintFromRow(current, false);
  const visibleMaster = {
    ...complaintFromRow(current, roleSeesReporterIdentity(officer.role)),
    _deleted: false,
  };
  const stateWithoutIdentity = { ...(row.newDocumentState as object), reporter: undefined };
  const decision = decideComplaintWrite(master, row.assumedMasterState, stateWithoutIdentity, {
    role: officer.role,
    ...context.activeIds,
  });
  const step = decideComplaintPush(
    decision,
    await storedFactsFor(tx, officer, decision, master.id),
    (row.newDocumentState as { serverSeq?: unknown }).serverSeq,
    master.serverSeq,
  );
  switch (step.kind) {
    case 'answer':
      return step.sendMaster
        ? { conflict: visibleMaster, accepted: step.accepted, refused: false }
        : { accepted: step.accepted, refused: false };
    case 'awaits_event':
      return refuseStatusAwaitingEvent(tx, officer, row, step.event, visibleMaster, context, now);
    case 'refuse':
      await recordComplaintRefusal(tx, officer, row, step.reason, context, now);
      return { conflict: visibleMaster, accepted: false, refused: true };
    case 'write':
      // A status move left to its event (see decideComplaintWrite) is not answered here: the
      // device pulls this master, and the event, when the server accepts it, moves the status.
      await applyComplaintWrite(tx, officer, master, step.changes, context, now);
      return { accepted: true, refused: false };
  }
}

/** What the refusal of a status move says, by the event that alone may bring it. */
const AWAITED_EVENT_ERRORS: Partial<Record<ComplaintEventKind, AppError>> = {
  tindak_lanjut: appError('status_needs_public_response'),
  buka_kembali: appError('reopen_needs_event'),
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
): Promise<RowResult> {
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
  await recordComplaintRefusal(
    tx,
    officer,
    row,
    rejectionReason(
      'lifecycle',
      AWAITED_EVENT_ERRORS[event] ?? appError('status_needs_event', { event }),
    ),
    context,
    now,
  );
  return { conflict: visibleMaster, accepted: false, refused: true };
}

/** An accepted complaint write may re-disposition it, which re-sends its events. */
const COMPLAINT_PUSH_ALSO_TOUCHES = { onAccept: ['complaint_events'] } as const;

export const complaintStore: ReplicatedStore<Complaint> = {
  collection: 'complaints',

  async pull(db, officer, afterSeq, limit, tombstonesAfter = afterSeq, exceptOpenUpTo = 0) {
    const includeIdentity = roleSeesReporterIdentity(officer.role);
    const scope = scopeClause(officer, 5);
    const rows = await db.query<ComplaintRow>(
      `SELECT ${complaintColumnsFor(officer.role)} FROM complaints
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
      `SELECT ${complaintColumnsFor(officer.role)} FROM complaints
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
    return rows.map((row) => {
      const document = { ...complaintFromRow(row, includeIdentity), _deleted: false };
      return { document, cursor: openCursorOf(document, query.asOf) };
    });
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
    const outcome: PushOutcome<Complaint> = { conflicts: [], accepted: 0, refused: 0, touched: [] };
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
            rejectionReason('read_only', appError('coordinator_read_only')),
            row.newDocumentState,
            now,
          );
          const found = await tx.query<ComplaintRow>(
            `SELECT ${COMPLAINT_PUBLIC_COLUMNS} FROM complaints WHERE id = $1 AND instansi_id = $2`,
            [documentId, officer.instansiId],
          );
          return found[0] ? { ...complaintFromRow(found[0], false), _deleted: false } : null;
        });
        outcome.refused += 1;
        if (master) outcome.conflicts.push(master);
      }
      outcome.touched = touchedCollections('complaints', outcome, COMPLAINT_PUSH_ALSO_TOUCHES);
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
    outcome.touched = touchedCollections('complaints', outcome, COMPLAINT_PUSH_ALSO_TOUCHES);
    return outcome;
  },
};
