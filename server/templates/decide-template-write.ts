import { z } from 'zod';
import {
  responseTemplateSchema,
  type ResponseTemplate,
} from '../../shared/schemas/response-template.ts';
import type { Role } from '../../shared/domain/roles.ts';
import type { RejectionReason } from '../refusals/sync-rejections.ts';

/** What an admin may change; id, instansi, time, author and change number are the server's. */
export const TEMPLATE_CLIENT_FIELDS = ['title', 'body', 'kind', 'active'] as const;
type TemplateChanges = Pick<ResponseTemplate, (typeof TEMPLATE_CLIENT_FIELDS)[number]>;

export type TemplateWriteDecision =
  | { kind: 'create'; values: TemplateChanges }
  | { kind: 'update'; values: TemplateChanges; fields: string[] }
  | { kind: 'unchanged' }
  | { kind: 'conflict' }
  | { kind: 'refuse'; reason: RejectionReason };

const wireTemplateSchema = responseTemplateSchema.extend({ _deleted: z.boolean() });

const refuse = (code: RejectionReason['code'], message: string): TemplateWriteDecision => ({
  kind: 'refuse',
  reason: { code, message },
});

/**
 * Decides one pushed template write. Only the Admin Instansi writes templates, only for its own
 * instansi, and never deletes one (deactivating keeps follow-ups written from it traceable).
 * A write based on an older master state is a conflict unless it changes nothing.
 */
export function decideTemplateWrite(
  master: ResponseTemplate | null,
  assumedMasterState: { serverSeq?: unknown } | undefined,
  proposed: unknown,
  officer: { role: Role; instansiId: string },
): TemplateWriteDecision {
  if (officer.role !== 'admin_instansi')
    return refuse('permission', 'Hanya Admin Instansi yang dapat mengubah templat tanggapan');
  if ((proposed as { _deleted?: unknown })._deleted === true)
    return refuse(
      'permission',
      'Templat tanggapan tidak dapat dihapus; nonaktifkan templat yang tidak dipakai lagi',
    );
  const parsed = wireTemplateSchema.safeParse(proposed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse('validation', issue ? issue.message : 'Templat tidak valid');
  }
  const next = parsed.data;
  if (next.instansiId !== officer.instansiId)
    return refuse('permission', 'Templat hanya untuk instansi Anda sendiri');
  const values: TemplateChanges = {
    title: next.title,
    body: next.body,
    kind: next.kind,
    active: next.active,
  };
  if (!master) return { kind: 'create', values };

  const fields = TEMPLATE_CLIENT_FIELDS.filter((field) => master[field] !== values[field]);
  if (fields.length === 0) return { kind: 'unchanged' };
  if (!assumedMasterState || assumedMasterState.serverSeq !== master.serverSeq)
    return { kind: 'conflict' };
  return { kind: 'update', values, fields };
}
