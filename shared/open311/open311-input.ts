import { z } from 'zod';
import { COMPLAINT_TYPES } from '../domain/complaint-status.ts';
import { regionCodeSchema } from '../schemas/complaint.ts';
import { normaliseMultilineText, normaliseSingleLineText } from './normalise-intake-text.ts';

const trackingNumberSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/, 'service_request_id tidak dikenal bentuknya');
const serviceCodeSchema = z.string().regex(/^[a-z0-9_-]{1,60}$/, 'service_code tidak valid');
const jurisdictionSchema = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'jurisdiction_id tidak valid');

/** A comma-separated parameter (`a,b,c`) as a list of trimmed, non-empty parts. */
const commaSeparated = z
  .string()
  .max(4000)
  .transform((text) =>
    text
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
  );

const w3cDate = z
  .string()
  .max(40)
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'Tanggal harus ISO 8601')
  .transform((text, ctx) => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'Tanggal tidak valid' });
      return z.NEVER;
    }
    return ms;
  });

/** GET /requests: the GeoReport v2 filters. Unknown parameters are ignored, as the spec allows. */
export const requestsQuerySchema = z
  .object({
    jurisdiction_id: jurisdictionSchema.optional(),
    service_request_id: commaSeparated
      .pipe(z.array(trackingNumberSchema).min(1).max(100))
      .optional(),
    service_code: commaSeparated.pipe(z.array(serviceCodeSchema).min(1).max(100)).optional(),
    start_date: w3cDate.optional(),
    end_date: w3cDate.optional(),
    status: commaSeparated
      .pipe(
        z
          .array(z.enum(['open', 'closed']))
          .min(1)
          .max(2),
      )
      .optional(),
  })
  .refine((query) => !query.start_date || !query.end_date || query.start_date <= query.end_date, {
    message: 'start_date harus sebelum end_date',
    path: ['start_date'],
  });
export type RequestsQuery = z.infer<typeof requestsQuerySchema>;

export const jurisdictionQuerySchema = z.object({ jurisdiction_id: jurisdictionSchema.optional() });

/** `KALTIM-2611-00042.json` → the tracking number and the format. */
export const requestFileSchema = z
  .string()
  .regex(/^([A-Za-z0-9-]{1,32})\.(json|xml)$/, 'Alamat permintaan tidak dikenal')
  .transform((file) => {
    const dot = file.lastIndexOf('.');
    return { id: file.slice(0, dot), format: file.slice(dot + 1) as 'json' | 'xml' };
  });

export const serviceFileSchema = z
  .string()
  .regex(/^([a-z0-9_-]{1,60})\.(json|xml)$/, 'Alamat layanan tidak dikenal')
  .transform((file) => {
    const dot = file.lastIndexOf('.');
    return { code: file.slice(0, dot), format: file.slice(dot + 1) as 'json' | 'xml' };
  });

/** A one-line field, normalised before its length is checked. */
const text = (max: number) =>
  z.string().transform(normaliseSingleLineText).pipe(z.string().max(max));
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', 'ya', 'tidak', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === 'ya' || value === '1');

/** Optional attributes of every service (see the service definition). */
export const intakeAttributesSchema = z.object({
  jenis: z.enum(COMPLAINT_TYPES).optional(),
  anonim: flag.optional(),
  rahasia: flag.optional(),
});

/** POST /requests after {@link flattenIntakeBody}. */
export const intakeRequestSchema = z.object({
  api_key: z.string().min(1).max(200),
  jurisdiction_id: jurisdictionSchema.optional(),
  service_code: serviceCodeSchema,
  /** The Kemendagri village code (pp.kk.cc.dddd): the location every complaint carries. */
  address_id: regionCodeSchema,
  address_string: text(300).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  description: z
    .string()
    .transform(normaliseMultilineText)
    .pipe(
      z
        .string()
        .min(10, 'description paling sedikit 10 karakter')
        .max(20_000, 'description paling banyak 20000 karakter')
        .refine((description) => titleFromDescription(description).length >= 5, {
          message: 'description terlalu pendek untuk dijadikan judul',
        }),
    ),
  first_name: text(60).optional(),
  last_name: text(60).optional(),
  email: z.union([z.literal(''), z.email().max(160)]).optional(),
  phone: z
    .string()
    .transform(normaliseSingleLineText)
    .pipe(
      z
        .string()
        .max(32)
        .regex(/^[0-9+() -]*$/, 'phone hanya angka'),
    )
    .optional(),
  device_id: text(100).optional(),
  account_id: text(100).optional(),
  media_url: z.union([z.literal(''), z.url().max(1000)]).optional(),
  attribute: intakeAttributesSchema.default({}),
});
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

/**
 * Form fields arrive flat (`attribute[jenis]=aspirasi`); JSON may nest them. Either way the
 * result has one `attribute` object. Values that are not strings, numbers or booleans are kept
 * as they are, for the schema to refuse.
 */
export function flattenIntakeBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const result: Record<string, unknown> = {};
  const attribute: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^attribute\[([A-Za-z0-9_]{1,40})\]$/.exec(key);
    if (match?.[1]) attribute[match[1]] = value;
    else if (key === 'attribute' && typeof value === 'object' && value !== null)
      Object.assign(attribute, value);
    else result[key] = value;
  }
  result.attribute = attribute;
  return result;
}

/** A title for the queue from the description: its first line, cut at a word near 120 characters. */
export function titleFromDescription(description: string): string {
  const firstLine = description.split(/\r?\n/).find((line) => line.trim().length >= 5);
  const source = (firstLine ?? description).replace(/\s+/g, ' ').trim();
  if (source.length <= 120) return source;
  const cut = source.slice(0, 120);
  const space = cut.lastIndexOf(' ');
  return `${(space > 60 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
