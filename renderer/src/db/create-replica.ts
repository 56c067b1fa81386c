import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import type { Category } from '../../../shared/schemas/category.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../shared/schemas/sla-rule-set.ts';
import type { SyncRejection } from '../../../shared/schemas/sync-rejection.ts';
import type { ResponseTemplate } from '../../../shared/schemas/response-template.ts';
import type { ReportIdentity } from '../../../shared/schemas/report-identity.ts';
import {
  attachmentFileRxSchema,
  categoryRxSchema,
  complaintEventRxSchema,
  complaintRxSchema,
  holidayRxSchema,
  reportIdentityRxSchema,
  responseTemplateRxSchema,
  slaRuleSetRxSchema,
  syncRejectionRxSchema,
  unitRxSchema,
} from './replica-schemas.ts';
import {
  complaintEventMigrationStrategies,
  complaintMigrationStrategies,
  holidayMigrationStrategies,
  syncRejectionMigrationStrategies,
} from './rx-migrations.ts';
import { createComplaintConflictHandler } from './complaint-conflict-handler.ts';
import { MergeConflicts } from './merge-conflicts.ts';

import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { createFieldCipher, newReplicaKey } from './field-cipher.ts';
import { withIndexedChangesSince } from './indexed-changes-storage.ts';
import { broadcastWhenShared } from './broadcast-when-shared.ts';
import { fieldEncryptionStorage } from './field-encryption-storage.ts';
import { checkReplicaKey } from './replica-key-check.ts';
import { quietStorageNotice } from './quiet-storage-notice.ts';
import { watchReplicaUpgrade, type ReplicaUpgradeProgress } from './watch-replica-upgrade.ts';
import type { AttachmentFile } from '../../../shared/schemas/attachment-file.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBAttachmentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);
// Several windows of one officer elect one leader that alone syncs (see sync/sync-leadership).
addRxPlugin(RxDBLeaderElectionPlugin);

export type ReplicaCollections = {
  complaints: RxCollection<Complaint>;
  units: RxCollection<Unit>;
  categories: RxCollection<Category>;
  complaint_events: RxCollection<ComplaintEvent>;
  holidays: RxCollection<Holiday>;
  sla_rules: RxCollection<SlaRuleSetDocument>;
  sync_rejections: RxCollection<SyncRejection>;
  /** Photos and PDFs of follow-ups kept on this device; not replicated (see attachment-transfer). */
  attachment_files: RxCollection<AttachmentFile>;
  templates: RxCollection<ResponseTemplate>;
  /** The instansi's letterhead and signatory: one document, its id the instansi's. */
  report_identity: RxCollection<ReportIdentity>;
};
export type Replica = RxDatabase<ReplicaCollections>;

/** One replica per officer on this device; the name is derived from the officer id. */
export function replicaNameFor(officerId: string): string {
  return `lapor_${officerId.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

/** Documents per batch when a replica from an older version is migrated (10,000: 14 s → 5 s). */
const MIGRATION_BATCH_SIZE = 1000;

const mergeConflicts = new WeakMap<Replica, MergeConflicts>();

/** The merge conflicts of one replica waiting for the officer to pick per field. */
export function mergeConflictsOf(replica: Replica): MergeConflicts {
  let found = mergeConflicts.get(replica);
  if (!found) {
    found = new MergeConflicts(replica.complaints);
    mergeConflicts.set(replica, found);
  }
  return found;
}

/**
 * Opens (or creates) the replica. `only` limits it to some collections: RxDB's open-source
 * build allows 13 open collections per process, so tests that run several replicas side by
 * side open just the ones they sync.
 *
 * The reporter's identity is kept encrypted with `replicaKey` (see docs/replica-encryption.md);
 * a key other than the one the replica was created with fails with a ReplicaKeyError. Without a
 * key the replica gets a throwaway one, for replicas that are removed before they are closed
 * (measurements, tests): reopening such a replica fails.
 *
 * A replica stored by an older version is migrated to the current schemas before this resolves;
 * `onUpgrade` hears how far that has got.
 */
export async function openReplica(
  officerId: string,
  storage: RxStorage<unknown, unknown> = getRxStorageDexie(),
  only?: readonly (keyof ReplicaCollections)[],
  replicaKey: string = newReplicaKey(),
  onUpgrade?: (progress: ReplicaUpgradeProgress) => void,
): Promise<Replica> {
  quietStorageNotice();
  const cipher = await createFieldCipher(replicaKey);
  const db = await createRxDatabase<ReplicaCollections>({
    name: replicaNameFor(officerId),
    storage: fieldEncryptionStorage({
      storage: withIndexedChangesSince(broadcastWhenShared(storage)),
      cipher,
      replicatedFields: [
        ...(complaintRxSchema.encrypted ?? []),
        ...(syncRejectionRxSchema.encrypted ?? []),
      ],
    }),
    multiInstance: true,
    localDocuments: true,
    closeDuplicates: true,
  });
  const collections = {
    complaints: {
      schema: complaintRxSchema,
      localDocuments: true,
      migrationStrategies: complaintMigrationStrategies,
      conflictHandler: createComplaintConflictHandler((conflict) =>
        mergeConflictsOf(db).record(conflict),
      ),
    },
    complaint_events: {
      schema: complaintEventRxSchema,
      migrationStrategies: complaintEventMigrationStrategies,
    },
    units: { schema: unitRxSchema },
    categories: { schema: categoryRxSchema },
    holidays: { schema: holidayRxSchema, migrationStrategies: holidayMigrationStrategies },
    sla_rules: { schema: slaRuleSetRxSchema },
    sync_rejections: {
      schema: syncRejectionRxSchema,
      migrationStrategies: syncRejectionMigrationStrategies,
    },
    attachment_files: { schema: attachmentFileRxSchema },
    templates: { schema: responseTemplateRxSchema },
    report_identity: { schema: reportIdentityRxSchema },
  };
  let stopWatchingUpgrade = () => {};
  try {
    await checkReplicaKey(db, cipher);
    if (onUpgrade) stopWatchingUpgrade = watchReplicaUpgrade(db, onUpgrade);
    const chosen = only
      ? only.map((name) => [name, collections[name]] as const)
      : Object.entries(collections);
    await db.addCollections(
      Object.fromEntries(
        chosen.map(([name, creator]) => [name, { ...creator, autoMigrate: false }]),
      ),
    );
    // RxDB's own migration on adding a collection moves 10 documents per batch.
    await Promise.all(
      Object.values(db.collections).map((collection: RxCollection) =>
        collection.migratePromise(MIGRATION_BATCH_SIZE),
      ),
    );
  } catch (error) {
    await db.close();
    throw error;
  } finally {
    stopWatchingUpgrade();
  }
  return db;
}
