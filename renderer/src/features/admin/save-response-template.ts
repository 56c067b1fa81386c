import type {
  ResponseTemplate,
  ResponseTemplateForm,
} from '../../../../shared/schemas/response-template.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';

/**
 * Writes a template to the replica, queued for the server: a new one when `id` is absent, else
 * the changed fields. The server sets the author, time and change number when it accepts it.
 */
export async function saveResponseTemplate(
  workstation: Pick<WorkstationContextValue, 'replica' | 'sync' | 'officer'>,
  values: ResponseTemplateForm,
  id?: string,
): Promise<void> {
  const { replica, sync, officer } = workstation;
  if (id) {
    const document = await replica.templates.findOne(id).exec();
    if (!document) throw new Error(`Templat ${id} tidak ada di perangkat ini`);
    await sync.pending.track('templates', [id], () => document.incrementalPatch(values));
    return;
  }
  const template: ResponseTemplate = {
    id: crypto.randomUUID(),
    instansiId: officer.instansiId,
    ...values,
    updatedAt: Date.now(),
    updatedBy: officer.id,
    serverSeq: 0,
  };
  await sync.pending.track('templates', [template.id], () => replica.templates.insert(template));
}
