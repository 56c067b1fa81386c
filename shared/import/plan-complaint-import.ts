import { z } from 'zod';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  PRIORITIES,
  type ComplaintStatus,
} from '../domain/complaint-status.ts';
import { regionCodeSchema } from '../schemas/complaint.ts';
import { MAX_EPOCH_MS } from '../schemas/common.ts';
import { trackingNumberRefusal } from '../domain/tracking-number.ts';
import { issueMessageInIndonesian } from '../errors/error-texts-id.ts';

/** Statuses a complaint reaches only after it was disposed to an OPD: they need the unit. */
const DISPOSED_STATUSES: ReadonlySet<ComplaintStatus> = new Set([
  'didisposisi',
  'ditindaklanjuti',
  'selesai',
]);

const flag = z.union([z.boolean(), z.string().trim().toLowerCase()]).transform((value, ctx) => {
  if (typeof value === 'boolean') return value;
  if (['true', 'ya', '1', 'y'].includes(value)) return true;
  if (['false', 'tidak', '0', 'n', ''].includes(value)) return false;
  ctx.addIssue({ code: 'custom', message: 'harus ya/tidak (true/false)' });
  return z.NEVER;
});

const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => (value ?? '').trim())
    .pipe(z.string().max(max));

/**
 * One complaint of an export, as the workstation's complaint fields; category and unit by code.
 * `receivedAt` is ISO 8601 with a time zone (or epoch milliseconds in JSON).
 */
export const importRowSchema = z.object({
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,32}$/, 'nomor pelacakan wajib, huruf/angka/tanda hubung, ≤ 32'),
  title: z.string().trim().min(5, 'judul paling sedikit 5 karakter').max(200),
  body: z.string().trim().min(1, 'isi laporan wajib diisi').max(20_000),
  type: z.enum(COMPLAINT_TYPES),
  channel: z.enum(CHANNELS),
  category: z.string().trim().min(1, 'kategori wajib diisi').max(60),
  unit: optionalText(60),
  status: z.enum(COMPLAINT_STATUSES),
  priority: z
    .union([z.enum(PRIORITIES), z.literal('')])
    .nullish()
    .transform((priority) => priority || 'sedang'),
  anonim: flag.default(false),
  rahasia: flag.default(false),
  berkadarPengawasan: flag.default(false),
  regionCode: z.string().trim().pipe(regionCodeSchema),
  locationText: optionalText(300),
  receivedAt: z.union([
    z.int().min(0).max(MAX_EPOCH_MS),
    z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
  ]),
  reporterName: optionalText(120),
  reporterPhone: optionalText(32),
  reporterEmail: optionalText(160),
});
export type ImportRow = z.output<typeof importRowSchema>;

export type ImportContext = {
  /** Tracking numbers the database already holds (any instansi: the column is unique). */
  existingTrackingNumbers: ReadonlySet<string>;
  categoryIdByCode: ReadonlyMap<string, string>;
  unitIdByCode: ReadonlyMap<string, string>;
  /** The importing instansi's tracking-number prefix and time zone: its numbers' own form. */
  instansi: { prefix: string; utcOffsetMinutes: number };
  now: number;
};

export type PlannedComplaint = ImportRow & { categoryId: string; unitId: string };

export type ImportPlan = {
  create: { row: number; complaint: PlannedComplaint }[];
  skip: { row: number; trackingNumber: string; reason: string }[];
  reject: { row: number; trackingNumber: string; reason: string }[];
};

/** Clock skew tolerated on an export's arrival times. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.map(String).join('.') || 'baris'}: ${issueMessageInIndonesian(issue.message)}`,
    )
    .join('; ');
}

/**
 * Decides, row by row, what an import would do: create the complaint, skip it (its tracking
 * number exists already, in the database or earlier in the file) or reject it with the reason.
 * `firstRowNumber` is the number of the first record as the officer sees the file (2 for a CSV
 * under its header line, 1 for a JSON list).
 */
export function planComplaintImport(
  rows: readonly unknown[],
  context: ImportContext,
  firstRowNumber = 1,
): ImportPlan {
  const plan: ImportPlan = { create: [], skip: [], reject: [] };
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const row = firstRowNumber + index;
    const rawTracking =
      typeof raw === 'object' && raw !== null && 'trackingNumber' in raw
        ? String((raw as { trackingNumber: unknown }).trackingNumber ?? '').slice(0, 40)
        : '';
    const parsed = importRowSchema.safeParse(raw);
    if (!parsed.success) {
      plan.reject.push({ row, trackingNumber: rawTracking, reason: describeIssues(parsed.error) });
      return;
    }
    const value = parsed.data;
    const reject = (reason: string) =>
      plan.reject.push({ row, trackingNumber: value.trackingNumber, reason });
    const malformed = trackingNumberRefusal(
      value.trackingNumber,
      context.instansi,
      value.receivedAt,
    );
    if (malformed) return reject(malformed);
    if (context.existingTrackingNumbers.has(value.trackingNumber)) {
      plan.skip.push({
        row,
        trackingNumber: value.trackingNumber,
        reason: 'nomor pelacakan sudah ada di server',
      });
      return;
    }
    if (seen.has(value.trackingNumber)) {
      plan.skip.push({
        row,
        trackingNumber: value.trackingNumber,
        reason: 'nomor pelacakan muncul lebih dari sekali dalam berkas',
      });
      return;
    }
    const categoryId = context.categoryIdByCode.get(value.category);
    if (!categoryId) return reject(`kategori "${value.category}" tidak dikenal`);
    const unitId = value.unit ? context.unitIdByCode.get(value.unit) : '';
    if (unitId === undefined) return reject(`OPD "${value.unit}" tidak dikenal`);
    if (DISPOSED_STATUSES.has(value.status) && !unitId)
      return reject(`status ${value.status} memerlukan OPD tujuan disposisi`);
    if (!DISPOSED_STATUSES.has(value.status) && unitId)
      return reject(`status ${value.status} tidak boleh memiliki OPD tujuan`);
    if (value.receivedAt > context.now + FUTURE_TOLERANCE_MS)
      return reject('tanggal diterima ada di masa depan');
    seen.add(value.trackingNumber);
    plan.create.push({ row, complaint: { ...value, categoryId, unitId } });
  });
  return plan;
}
