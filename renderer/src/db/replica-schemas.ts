// The RxDB schemas of the replica's collections, derived from their zod schemas in shared/.
import { toRxSchema } from './to-rx-schema.ts';
import { complaintSchema, type Complaint } from '../../../shared/schemas/complaint.ts';
import { unitSchema, type Unit } from '../../../shared/schemas/unit.ts';
import { categorySchema, type Category } from '../../../shared/schemas/category.ts';
import {
  complaintEventSchema,
  type ComplaintEvent,
} from '../../../shared/schemas/complaint-event.ts';
import { holidaySchema, type Holiday } from '../../../shared/schemas/holiday.ts';
import { slaRuleSetSchema, type SlaRuleSetDocument } from '../../../shared/schemas/sla-rule-set.ts';
import { syncRejectionSchema, type SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import {
  responseTemplateSchema,
  type ResponseTemplate,
} from '../../../shared/schemas/response-template.ts';
import {
  reportIdentitySchema,
  type ReportIdentity,
} from '../../../shared/schemas/report-identity.ts';
import {
  attachmentFileSchema,
  type AttachmentFile,
} from '../../../shared/schemas/attachment-file.ts';

/**
 * Only the indexes a query reads: the queue head reads [status, dueAt] through Dexie
 * (read-queue-head), triage looks a complaint up by its tracking number. The queue, reports and
 * auto-close read every complaint into memory by id. Each index is a key IndexedDB stores per
 * complaint on every write, which bounds the first sync (docs/performance.md).
 */
export const complaintRxSchema = toRxSchema<Complaint>(complaintSchema, {
  title: 'complaints',
  version: 3,
  primaryKey: 'id',
  indexes: [['status', 'dueAt'], ['trackingNumber']],
  encrypted: ['reporter'],
});

export const unitRxSchema = toRxSchema<Unit>(unitSchema, {
  title: 'units',
  version: 0,
  primaryKey: 'id',
  indexes: [['name']],
});

export const categoryRxSchema = toRxSchema<Category>(categorySchema, {
  title: 'categories',
  version: 0,
  primaryKey: 'id',
  indexes: [['name']],
});

export const complaintEventRxSchema = toRxSchema<ComplaintEvent>(complaintEventSchema, {
  title: 'complaint_events',
  version: 3,
  primaryKey: 'id',
  indexes: [['complaintId', 'deviceTime']],
});

export const holidayRxSchema = toRxSchema<Holiday>(holidaySchema, {
  title: 'holidays',
  version: 1,
  primaryKey: 'id',
  indexes: [['date']],
});

export const slaRuleSetRxSchema = toRxSchema<SlaRuleSetDocument>(slaRuleSetSchema, {
  title: 'sla_rules',
  version: 0,
  primaryKey: 'id',
  indexes: [['activeFrom']],
});

export const syncRejectionRxSchema = toRxSchema<SyncRejection>(syncRejectionSchema, {
  title: 'sync_rejections',
  version: 4,
  primaryKey: 'id',
  indexes: [['resolvedAt', 'createdAt']],
  // The server keeps no reporter identity with a refusal; the refused text is encrypted anyway.
  encrypted: ['refusedDocument'],
});

export const responseTemplateRxSchema = toRxSchema<ResponseTemplate>(responseTemplateSchema, {
  title: 'templates',
  version: 0,
  primaryKey: 'id',
  indexes: [['kind', 'title']],
});

export const attachmentFileRxSchema = toRxSchema<AttachmentFile>(attachmentFileSchema, {
  title: 'attachment_files',
  version: 0,
  primaryKey: 'id',
  indexes: [['state', 'createdAt'], ['complaintId']],
  attachments: true,
});

/** One document per instansi: its letterhead and signatory for printed reports. */
export const reportIdentityRxSchema = toRxSchema<ReportIdentity>(reportIdentitySchema, {
  title: 'report_identity',
  version: 0,
  primaryKey: 'id',
  indexes: [],
});
