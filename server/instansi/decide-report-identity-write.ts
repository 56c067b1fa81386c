import { z } from 'zod';
import type { Role } from '../../shared/domain/roles.ts';
import {
  REPORT_IDENTITY_FIELDS,
  reportIdentitySchema,
  type ReportIdentity,
  type ReportIdentityField,
  type ReportIdentityForm,
} from '../../shared/schemas/report-identity.ts';
import { rejectionReason, type RejectionReason } from '../refusals/sync-rejections.ts';
import {
  appError,
  errorOfIssue,
  withField,
  type AppError,
} from '../../shared/errors/error-codes.ts';
import { issueMessageInIndonesian } from '../../shared/errors/error-texts-id.ts';

export type ReportIdentityWriteDecision =
  | { kind: 'create'; values: ReportIdentityForm }
  | { kind: 'update'; values: ReportIdentityForm; fields: ReportIdentityField[] }
  | { kind: 'unchanged' }
  | { kind: 'refuse'; reason: RejectionReason };

const wireSchema = reportIdentitySchema.extend({ _deleted: z.boolean().optional() });
/** What the device says it last had from the server: only the edited fields are read from it. */
const assumedSchema = z.looseObject(
  Object.fromEntries(REPORT_IDENTITY_FIELDS.map((field) => [field, z.string().max(400_000)])),
);

const refuse = (
  code: RejectionReason['code'],
  error: AppError,
  message?: string,
): ReportIdentityWriteDecision => ({
  kind: 'refuse',
  reason: rejectionReason(code, error, message),
});

function pickForm(document: ReportIdentityForm): ReportIdentityForm {
  return Object.fromEntries(
    REPORT_IDENTITY_FIELDS.map((field) => [field, document[field]]),
  ) as ReportIdentityForm;
}

/**
 * Decides one pushed write of the instansi's letterhead and signatory. Only the Admin Instansi
 * writes it, only its own instansi's (the document's id and instansi are both the officer's),
 * and it is never removed.
 *
 * Concurrent edits merge per field, the last write to reach the server winning a field both
 * changed: a write carries the fields its device changed from the state it last had (its
 * assumed master state), and the fields it did not touch keep what another admin stored since.
 * A write from a device that never had the document (no assumed state) only fills fields still
 * blank, so a device that had not pulled yet cannot wipe what the instansi has set.
 */
export function decideReportIdentityWrite(
  master: ReportIdentity | null,
  assumedMasterState: unknown,
  proposed: unknown,
  officer: { role: Role; instansiId: string },
): ReportIdentityWriteDecision {
  if (officer.role !== 'admin_instansi')
    return refuse(
      'permission',
      appError('directory_admin_only', { kind: 'letterhead' }),
      'Hanya Admin Instansi yang dapat mengubah kop dan penanda tangan',
    );
  if ((proposed as { _deleted?: unknown } | null)?._deleted === true)
    return refuse(
      'permission',
      appError('directory_not_removable', { kind: 'letterhead' }),
      'Kop dan penanda tangan tidak dapat dihapus; kosongkan isinya',
    );
  const parsed = wireSchema.safeParse(proposed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return issue
      ? refuse(
          'validation',
          withField(errorOfIssue(issue), issue.path.join('.')),
          `${where}${issueMessageInIndonesian(issue.message)}`,
        )
      : refuse('validation', appError('letterhead_invalid'));
  }
  const next = parsed.data;
  if (next.instansiId !== officer.instansiId || next.id !== officer.instansiId)
    return refuse(
      'permission',
      appError('directory_other_instansi', { kind: 'letterhead' }),
      'Kop dan penanda tangan hanya untuk instansi Anda sendiri',
    );
  const values = pickForm(next);
  if (!master) return { kind: 'create', values };

  const assumed = assumedSchema.safeParse(assumedMasterState);
  const edited = (field: ReportIdentityField) =>
    assumed.success ? assumed.data[field] !== values[field] : master[field] === '';
  const fields = REPORT_IDENTITY_FIELDS.filter(
    (field) => edited(field) && master[field] !== values[field],
  );
  if (fields.length === 0) return { kind: 'unchanged' };
  const merged = pickForm(master);
  for (const field of fields) merged[field] = values[field];
  return { kind: 'update', values: merged, fields };
}
