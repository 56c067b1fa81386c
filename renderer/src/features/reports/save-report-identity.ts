import {
  BLANK_REPORT_IDENTITY,
  type ReportIdentity,
  type ReportIdentityForm,
} from '../../../../shared/schemas/report-identity.ts';
import type { Officer } from '../../../../shared/schemas/officer.ts';
import type { Replica } from '../../db/create-replica.ts';
import type { PendingChanges } from '../../sync/pending-changes.ts';

/** What the write needs of the workstation (its context satisfies it). */
export type ReportIdentityWriter = {
  replica: Replica;
  sync: { pending: PendingChanges };
  officer: Pick<Officer, 'id' | 'instansiId' | 'role'>;
};

/**
 * Writes the instansi's letterhead and signatory to the replica, queued for the server (which
 * accepts it from the Admin Instansi only and sets author, time and change number).
 */
export async function saveReportIdentity(
  workstation: ReportIdentityWriter,
  values: Partial<ReportIdentityForm>,
): Promise<void> {
  const { replica, sync, officer } = workstation;
  const id = officer.instansiId;
  const document = await replica.report_identity.findOne(id).exec();
  if (document) {
    await sync.pending.track('report_identity', [id], () => document.incrementalPatch(values));
    return;
  }
  const identity: ReportIdentity = {
    id,
    instansiId: id,
    ...BLANK_REPORT_IDENTITY,
    ...values,
    updatedAt: Date.now(),
    updatedBy: officer.id,
    serverSeq: 0,
  };
  await sync.pending.track('report_identity', [id], () => replica.report_identity.insert(identity));
}
