import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { PushRow, WireDocument } from '../../shared/api/contract.ts';
import { roleSeesReporterIdentity } from '../../shared/domain/roles.ts';
import { computeComplaintDueAt, ruleSetInForce } from '../../shared/deadline/sla-rules.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import type { AuthenticatedOfficer } from '../auth/session-store.ts';
import { appendAudit } from '../audit-log.ts';
import { nextChangeSeq } from './change-counter.ts';
import { decideComplaintWrite } from './decide-complaint-write.ts';
import { recordSyncRejection } from './sync-rejections.ts';
import { reissueEventSeqs } from './complaint-event-store.ts';
import type { PushOutcome, ReplicatedStore } from './replicated-store.ts';
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

async function pushOneComplaint(
  db: Database,
  officer: AuthenticatedOfficer,
  row: PushRow<unknown>,
  activeIds: { activeCategoryIds: ReadonlySet<string>; activeUnitIds: ReadonlySet<string> },
  now: number,
): Promise<{ conflict?: WireDocument<Complaint>; accepted: boolean; refused: boolean }> {
  const documentId = String((row.newDocumentState as { id?: unknown }).id ?? '');
  const includeIdentity = roleSeesReporterIdentity(officer.role);
  return db.transaction(async (tx) => {
    const scope = scopeClause(officer, 2);
    const locked = await tx.query<ComplaintRow>(
      `SELECT ${PUBLIC_COLUMNS}, ${IDENTITY_COLUMNS} FROM complaints
        WHERE id = $1 AND ${scope.sql} FOR UPDATE`,
      [documentId, ...scope.params],
    );
    const current = locked[0];
    if (!current) {
      await recordSyncRejection(
        tx,
        officer,
        'complaints',
        documentId,
        { code: 'not_found', message: 'Pengaduan tidak ditemukan atau di luar wewenang Anda' },
        row.newDocumentState,
        now,
      );
      return { accepted: false, refused: true };
    }
    const master = complaintFromRow(current, false);
    const visibleMaster = { ...complaintFromRow(current, includeIdentity), _deleted: false };
    const stateWithoutIdentity = { ...(row.newDocumentState as object), reporter: undefined };
    const decision = decideComplaintWrite(master, row.assumedMasterState, stateWithoutIdentity, {
      role: officer.role,
      ...activeIds,
    });

    if (decision.kind === 'unchanged') return { accepted: true, refused: false };
    if (decision.kind === 'conflict')
      return { conflict: visibleMaster, accepted: false, refused: false };
    if (decision.kind === 'accept' && decision.changes.duplicateOf) {
      const original = await tx.query(
        'SELECT 1 FROM complaints WHERE id = $1 AND instansi_id = $2',
        [decision.changes.duplicateOf, officer.instansiId],
      );
      if (original.length === 0) {
        await recordSyncRejection(
          tx,
          officer,
          'complaints',
          documentId,
          { code: 'validation', message: 'Pengaduan asli untuk tanda duplikat tidak ditemukan' },
          row.newDocumentState,
          now,
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
      );
      return { conflict: visibleMaster, accepted: false, refused: true };
    }

    const next = { ...master, ...decision.changes };
    const statusChanged = next.status !== master.status;
    const statusChangedAt = statusChanged ? now : master.statusChangedAt;
    const calendar = await loadWorkingCalendar(tx, officer.instansiId);
    const rules = ruleSetInForce(await loadSlaRuleSets(tx, officer.instansiId), next.receivedAt);
    const dueAt = computeComplaintDueAt({ ...next, statusChangedAt }, rules, calendar);
    const seq = await nextChangeSeq(tx);
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
    if (next.unitId !== master.unitId) await reissueEventSeqs(tx, documentId);
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
    return { accepted: true, refused: false };
  });
}

export const complaintStore: ReplicatedStore<Complaint> = {
  collection: 'complaints',

  async pull(db, officer, afterSeq, limit) {
    const scope = scopeClause(officer, 3);
    const rows = await db.query<ComplaintRow>(
      `SELECT ${columnsFor(officer)} FROM complaints
        WHERE seq > $1 AND ${scope.sql} ORDER BY seq LIMIT $2`,
      [afterSeq, limit, ...scope.params],
    );
    const includeIdentity = roleSeesReporterIdentity(officer.role);
    const documents = rows.map((row) => ({
      ...complaintFromRow(row, includeIdentity),
      _deleted: false,
    }));
    const last = documents[documents.length - 1];
    return { documents, checkpoint: last ? { seq: last.serverSeq } : { seq: afterSeq } };
  },

  async countAfter(db, officer, afterSeq) {
    const scope = scopeClause(officer, 2);
    const rows = await db.query<{ count: number }>(
      `SELECT count(*)::integer AS count FROM complaints WHERE seq > $1 AND ${scope.sql}`,
      [afterSeq, ...scope.params],
    );
    return rows[0]?.count ?? 0;
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
    for (const row of rows) {
      const result = await pushOneComplaint(db, officer, row, activeIds, now);
      if (result.conflict) outcome.conflicts.push(result.conflict);
      if (result.accepted) outcome.accepted += 1;
      if (result.refused) outcome.refused += 1;
    }
    return outcome;
  },
};
