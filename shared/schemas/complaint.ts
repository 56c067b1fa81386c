import { z } from 'zod';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  PRIORITIES,
} from '../domain/complaint-status.ts';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';
import { errorMessage } from '../errors/error-codes.ts';

/** Kemendagri region code: province.regency.district.village (pp.kk.cc.dddd). */
export const regionCodeSchema = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, errorMessage('region_code_format'));

export const reporterIdentitySchema = z.object({
  name: z.string().max(120),
  phone: z.string().max(32),
  email: z.string().max(160),
});
export type ReporterIdentity = z.infer<typeof reporterIdentitySchema>;

export const complaintSchema = z.object({
  id: idSchema,
  instansiId: idSchema,
  trackingNumber: z.string().min(1).max(32),
  title: z.string().min(5).max(200),
  body: z.string().min(1).max(20_000),
  type: z.enum(COMPLAINT_TYPES),
  channel: z.enum(CHANNELS),
  categoryId: idSchema,
  /** Disposed OPD unit; empty while not yet disposed. */
  unitId: z.string().max(40),
  /** The complaint this one was archived as a duplicate of; empty otherwise. */
  duplicateOf: z.string().max(40),
  status: z.enum(COMPLAINT_STATUSES),
  priority: z.enum(PRIORITIES),
  anonim: z.boolean(),
  rahasia: z.boolean(),
  berkadarPengawasan: z.boolean(),
  regionCode: regionCodeSchema,
  locationText: z.string().max(300),
  receivedAt: epochMsSchema,
  statusChangedAt: epochMsSchema,
  /** Due time of the clock now running; 0 when no clock runs (closed, archived). */
  dueAt: epochMsSchema,
  /** Server time of the last accepted write (set by the server). */
  updatedAt: epochMsSchema,
  updatedBy: z.string().max(40),
  /** Change number of the master state this document was derived from (set by the server). */
  serverSeq: serverSeqSchema,
  /** Present only for officers allowed to see it; never sent to others. */
  reporter: reporterIdentitySchema.optional(),
});
export type Complaint = z.infer<typeof complaintSchema>;

/** Fields only the server sets; a client's values for them are ignored. */
export const SERVER_CONTROLLED_COMPLAINT_FIELDS = [
  'id',
  'instansiId',
  'trackingNumber',
  'receivedAt',
  'updatedAt',
  'updatedBy',
  'serverSeq',
  'reporter',
  'dueAt',
  'statusChangedAt',
] as const satisfies readonly (keyof Complaint)[];

/** What the officer edits in the detail form. */
export const complaintClassificationSchema = complaintSchema.pick({
  categoryId: true,
  priority: true,
});
export type ComplaintClassification = z.infer<typeof complaintClassificationSchema>;
