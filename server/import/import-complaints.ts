import { randomUUID } from 'node:crypto';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import type { WorkingCalendar } from '../../shared/deadline/working-calendar.ts';
import { computeComplaintDueAt, ruleSetInForce } from '../../shared/deadline/sla-rules.ts';
import {
  planComplaintImport,
  type ImportPlan,
  type PlannedComplaint,
} from '../../shared/import/plan-complaint-import.ts';
import { trackingNumberPrefix } from '../../shared/domain/tracking-number.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { insertComplaints } from '../complaints/complaint-writes.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';

export type ImportReport = {
  dryRun: boolean;
  /** Rows read from the file. */
  rows: number;
  /** Rows created (or, in a dry run, that would be). */
  create: { row: number; trackingNumber: string }[];
  skip: ImportPlan['skip'];
  reject: ImportPlan['reject'];
};

/**
 * An imported complaint as it is stored: its clock starts at its arrival, its due time from the
 * calendar and rules in force then.
 */
function storedImport(
  complaint: PlannedComplaint,
  instansiId: string,
  updatedBy: string,
  now: number,
  calendar: WorkingCalendar,
  ruleSets: Awaited<ReturnType<typeof loadSlaRuleSets>>,
): Complaint {
  return {
    id: randomUUID(),
    instansiId,
    trackingNumber: complaint.trackingNumber,
    title: complaint.title,
    body: complaint.body,
    type: complaint.type,
    channel: complaint.channel,
    categoryId: complaint.categoryId,
    unitId: complaint.unitId,
    duplicateOf: '',
    status: complaint.status,
    priority: complaint.priority,
    anonim: complaint.anonim,
    rahasia: complaint.rahasia,
    berkadarPengawasan: complaint.berkadarPengawasan,
    regionCode: complaint.regionCode,
    locationText: complaint.locationText,
    receivedAt: complaint.receivedAt,
    statusChangedAt: complaint.receivedAt,
    dueAt: computeComplaintDueAt(
      { ...complaint, statusChangedAt: complaint.receivedAt },
      ruleSetInForce(ruleSets, complaint.receivedAt),
      calendar,
    ),
    updatedAt: now,
    updatedBy,
    serverSeq: 0,
    reporter: {
      name: complaint.reporterName,
      phone: complaint.reporterPhone,
      email: complaint.reporterEmail,
    },
  };
}

async function planWithin(
  tx: SqlExecutor,
  instansiId: string,
  rows: readonly unknown[],
  firstRowNumber: number,
  now: number,
): Promise<ImportPlan> {
  const candidates = rows
    .map((row) =>
      typeof row === 'object' && row !== null && 'trackingNumber' in row
        ? String((row as { trackingNumber: unknown }).trackingNumber).trim()
        : '',
    )
    .filter(Boolean);
  const existing = await tx.query<{ tracking_number: string }>(
    'SELECT tracking_number FROM complaints WHERE tracking_number = ANY($1::text[])',
    [candidates],
  );
  const categories = await tx.query<{ id: string; code: string }>(
    'SELECT id, code FROM categories WHERE instansi_id = $1 AND active',
    [instansiId],
  );
  const [instansi] = await tx.query<{ short_name: string; utc_offset_minutes: number }>(
    'SELECT short_name, utc_offset_minutes FROM instansi WHERE id = $1',
    [instansiId],
  );
  if (!instansi) throw new Error(`unknown instansi ${instansiId}`);
  const units = await tx.query<{ id: string; code: string }>(
    'SELECT id, code FROM units WHERE instansi_id = $1 AND active',
    [instansiId],
  );
  return planComplaintImport(
    rows,
    {
      existingTrackingNumbers: new Set(existing.map((row) => row.tracking_number)),
      categoryIdByCode: new Map(categories.map((row) => [row.code, row.id])),
      unitIdByCode: new Map(units.map((row) => [row.code, row.id])),
      instansi: {
        prefix: trackingNumberPrefix(instansi.short_name),
        utcOffsetMinutes: instansi.utc_offset_minutes,
      },
      now,
    },
    firstRowNumber,
  );
}

/**
 * Plans an import of `rows` into the instansi and, unless `dryRun`, creates the planned
 * complaints in one transaction with change numbers from the shared counter (so they replicate
 * like any other change). The plan is made inside the same transaction, under a lock, so a
 * tracking number cannot be taken between planning and writing.
 */
export async function importComplaints(
  db: Database,
  input: {
    instansiId: string;
    rows: readonly unknown[];
    firstRowNumber: number;
    dryRun: boolean;
    officerId: string | null;
    deviceId: string | null;
  },
  now: number,
): Promise<ImportReport> {
  return db.transaction(async (tx) => {
    // The same lock as intake's tracking numbers: neither can take a number the other planned.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [7411003]);
    const plan = await planWithin(tx, input.instansiId, input.rows, input.firstRowNumber, now);
    const report: ImportReport = {
      dryRun: input.dryRun,
      rows: input.rows.length,
      create: plan.create.map(({ row, complaint }) => ({
        row,
        trackingNumber: complaint.trackingNumber,
      })),
      skip: plan.skip,
      reject: plan.reject,
    };
    if (input.dryRun || plan.create.length === 0) return report;

    const calendar = await loadWorkingCalendar(tx, input.instansiId);
    const ruleSets = await loadSlaRuleSets(tx, input.instansiId);
    const updatedBy = input.officerId ?? 'import';
    await insertComplaints(
      tx,
      plan.create.map(({ complaint }) =>
        storedImport(complaint, input.instansiId, updatedBy, now, calendar, ruleSets),
      ),
    );
    await appendAudit(
      tx,
      {
        officerId: input.officerId,
        deviceId: input.deviceId,
        instansiId: input.instansiId,
        action: 'import_applied',
        collection: 'complaints',
        details: {
          rows: report.rows,
          created: report.create.length,
          skipped: report.skip.length,
          rejected: report.reject.length,
          firstTrackingNumber: report.create[0]?.trackingNumber ?? '',
        },
      },
      now,
    );
    return report;
  });
}
