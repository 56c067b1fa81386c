/**
 * Served on the workstation's origin by the upgrade test: writes an officer's replica the way
 * the version before identity encryption stored it, so the workstation opening it has to
 * migrate it.
 */
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { Complaint } from '../../../../shared/schemas/complaint.ts';
import { writeVersion1Replica } from '../../../support/version-1-replica.ts';

async function writeOlderReplica(
  officerId: string,
  pulled: Record<string, unknown>[],
): Promise<number> {
  const complaints = pulled.map(
    ({ _deleted: _ignored, ...complaint }) => complaint as unknown as Complaint,
  );
  return writeVersion1Replica(getRxStorageDexie(), officerId, complaints);
}

declare global {
  interface Window {
    writeOlderReplica: typeof writeOlderReplica;
  }
}
window.writeOlderReplica = writeOlderReplica;
