import { randomUUID } from 'node:crypto';
import type { Complaint } from '../../shared/schemas/complaint.ts';
import { complaintSchema } from '../../shared/schemas/complaint.ts';
import { computeComplaintDueAt, ruleSetInForce } from '../../shared/deadline/sla-rules.ts';
import {
  formatTrackingNumber,
  lowestFreeTrackingSerial,
  MAX_TRACKING_SERIAL,
  trackingNumberPrefix,
} from '../../shared/domain/tracking-number.ts';
import { titleFromDescription, type IntakeRequest } from '../../shared/open311/open311-input.ts';
import type { Database, SqlExecutor } from '../db/database.ts';
import { appendAudit } from '../audit-log.ts';
import { insertComplaints } from '../complaints/complaint-writes.ts';
import { loadSlaRuleSets, loadWorkingCalendar } from '../calendar/working-calendar-repository.ts';
import type { IntakeApiKey } from './intake-api-keys.ts';

/** Serialises tracking-number allocation across processes (one serial per prefix and month). */
const TRACKING_NUMBER_LOCK = 7411003;

/**
 * The next free tracking number of the instansi for a report arriving at `receivedAt`. Only
 * numbers of the instansi's own form count (serials of up to seven digits, read as integers):
 * whatever else the column holds, an imported oddity included, cannot break the count.
 */
export async function allocateTrackingNumber(
  tx: SqlExecutor,
  instansi: { shortName: string; utcOffsetMinutes: number },
  receivedAt: number,
): Promise<string> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [TRACKING_NUMBER_LOCK]);
  const prefix = trackingNumberPrefix(instansi.shortName);
  const monthPrefix = formatTrackingNumber(
    prefix,
    receivedAt,
    0,
    instansi.utcOffsetMinutes,
  ).replace(/0+$/, '');
  // The prefix is letters, digits and hyphens only: nothing in it is special in a pattern.
  const ownForm = `^${monthPrefix}[0-9]{1,${String(MAX_TRACKING_SERIAL).length}}$`;
  const serialsOfMonth = `FROM complaints WHERE starts_with(tracking_number, $1) AND tracking_number ~ $2`;
  const [highest] = await tx.query<{ serial: number | null }>(
    `SELECT max(substring(tracking_number from '([0-9]+)$')::integer) AS serial ${serialsOfMonth}`,
    [monthPrefix, ownForm],
  );
  const top = Number(highest?.serial ?? 0);
  const serial =
    top < MAX_TRACKING_SERIAL
      ? top + 1
      : lowestFreeTrackingSerial(
          (
            await tx.query<{ serial: number }>(
              `SELECT substring(tracking_number from '([0-9]+)$')::integer AS serial ${serialsOfMonth}`,
              [monthPrefix, ownForm],
            )
          ).map((row) => Number(row.serial)),
        );
  if (serial === null) throw new Error(`no tracking serial left for ${monthPrefix}`);
  return formatTrackingNumber(prefix, receivedAt, serial, instansi.utcOffsetMinutes);
}

export type IntakeOutcome =
  | { kind: 'created'; trackingNumber: string; complaintId: string; rahasia: boolean }
  | { kind: 'unknown_service' };

/**
 * Creates a `belum_diverifikasi` complaint from an Open311 request, in one transaction, with a
 * change number from the same counter every replicated write uses, so it reaches devices at
 * their next pull. Reporter identity goes into the identity columns, which only roles allowed to
 * see them ever receive.
 */
export async function createIntakeComplaint(
  db: Database,
  key: IntakeApiKey,
  request: IntakeRequest,
  now: number,
): Promise<IntakeOutcome> {
  return db.transaction(async (tx) => {
    const [category] = await tx.query<{ id: string }>(
      'SELECT id FROM categories WHERE instansi_id = $1 AND code = $2 AND active',
      [key.instansiId, request.service_code],
    );
    if (!category) return { kind: 'unknown_service' };
    const [instansi] = await tx.query<{ short_name: string; utc_offset_minutes: number }>(
      'SELECT short_name, utc_offset_minutes FROM instansi WHERE id = $1',
      [key.instansiId],
    );
    if (!instansi) throw new Error(`API key ${key.id} names a missing instansi`);

    const trackingNumber = await allocateTrackingNumber(
      tx,
      { shortName: instansi.short_name, utcOffsetMinutes: instansi.utc_offset_minutes },
      now,
    );
    const location = [
      request.address_string,
      request.lat !== undefined && request.long !== undefined
        ? `(${request.lat}, ${request.long})`
        : '',
    ]
      .filter(Boolean)
      .join(' ')
      .slice(0, 300);
    const reporterName = [request.first_name, request.last_name].filter(Boolean).join(' ');
    const complaint: Complaint = complaintSchema.parse({
      id: randomUUID(),
      instansiId: key.instansiId,
      trackingNumber,
      title: titleFromDescription(request.description),
      body: request.description,
      type: request.attribute.jenis ?? 'pengaduan',
      channel: key.channel,
      categoryId: category.id,
      unitId: '',
      duplicateOf: '',
      status: 'belum_diverifikasi',
      priority: 'sedang',
      anonim: request.attribute.anonim ?? false,
      rahasia: request.attribute.rahasia ?? false,
      berkadarPengawasan: false,
      regionCode: request.address_id,
      locationText: location,
      receivedAt: now,
      statusChangedAt: now,
      dueAt: 0,
      updatedAt: now,
      updatedBy: key.id,
      serverSeq: 0,
      reporter: {
        name: reporterName.slice(0, 120),
        phone: request.phone ?? '',
        email: request.email ?? '',
      },
    });
    const calendar = await loadWorkingCalendar(tx, key.instansiId);
    const rules = ruleSetInForce(await loadSlaRuleSets(tx, key.instansiId), now);
    const dueAt = computeComplaintDueAt(complaint, rules, calendar);
    const [seq] = await insertComplaints(tx, [{ ...complaint, dueAt }]);
    await appendAudit(
      tx,
      {
        officerId: null,
        deviceId: null,
        instansiId: key.instansiId,
        action: 'intake_accepted',
        collection: 'complaints',
        documentId: complaint.id,
        details: { apiKeyId: key.id, channel: key.channel, trackingNumber, seq },
      },
      now,
    );
    return {
      kind: 'created',
      trackingNumber,
      complaintId: complaint.id,
      rahasia: complaint.rahasia,
    };
  });
}
