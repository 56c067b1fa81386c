import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/complaint-status.ts';
import { COMPLAINT_EVENT_KINDS } from '../domain/triage.ts';
import { ROLES } from '../domain/roles.ts';
import { epochMsSchema, idSchema, serverSeqSchema } from './common.ts';
import {
  attachmentMetaSchema,
  MAX_ATTACHMENTS_PER_EVENT,
} from '../attachments/attachment-rules.ts';

const statusOrNone = z.union([z.enum(COMPLAINT_STATUSES), z.literal('')]);

/** Author role of events the reporter wrote through an intake channel (replies, ratings). */
export const REPORTER_ROLE = 'pelapor';
/** Author id of those events: the reporter is not an officer and has no officer id. */
export const REPORTER_AUTHOR_ID = 'pelapor';

/** One entry of a complaint's append-only timeline. */
export const complaintEventSchema = z.object({
  id: idSchema,
  complaintId: idSchema,
  instansiId: idSchema,
  kind: z.enum(COMPLAINT_EVENT_KINDS),
  fromStatus: statusOrNone,
  toStatus: statusOrNone,
  /** OPD the complaint was disposed to by this event; empty otherwise. */
  targetUnitId: z.string().max(40),
  reasonCode: z.string().max(40),
  /** Instruction to the OPD, missing details requested, archive note, reopen reason… */
  reason: z.string().max(4000),
  relatedComplaintId: z.string().max(40),
  /** Privacy flags after this event. */
  anonim: z.boolean(),
  rahasia: z.boolean(),
  /** Files attached to a follow-up or note; their bytes are uploaded separately. */
  attachments: z
    .array(attachmentMetaSchema)
    .max(MAX_ATTACHMENTS_PER_EVENT, `Paling banyak ${MAX_ATTACHMENTS_PER_EVENT} lampiran`)
    // Devices of an earlier version send events without the field.
    .default([]),
  officerId: idSchema,
  officerName: z.string().max(120),
  /** `pelapor` marks the reporter's own reply or rating, recorded by the central server. */
  officerRole: z.enum([...ROLES, REPORTER_ROLE]),
  deviceTime: epochMsSchema,
  /**
   * Set by the server: false when the device's time was implausible (before its author could
   * have known what the event answers, or after the server received it), and the server time
   * counts instead. Absent while the event waits on the device.
   */
  deviceTimeTrusted: z.boolean().optional(),
  /** Server time the event was accepted; 0 while it waits on the device. */
  serverTime: epochMsSchema,
  serverSeq: serverSeqSchema,
});
export type ComplaintEvent = z.infer<typeof complaintEventSchema>;
