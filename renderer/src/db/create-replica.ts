import {
  addRxPlugin,
  createRxDatabase,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
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
import {
  categoryRxSchema,
  complaintEventRxSchema,
  complaintRxSchema,
  holidayRxSchema,
  responseTemplateRxSchema,
  slaRuleSetRxSchema,
  syncRejectionRxSchema,
  unitRxSchema,
} from '../../../shared/schemas/rx-schemas.ts';
import {
  complaintEventMigrationStrategies,
  complaintMigrationStrategies,
} from '../../../shared/schemas/rx-migrations.ts';

addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

export type ReplicaCollections = {
  complaints: RxCollection<Complaint>;
  units: RxCollection<Unit>;
  categories: RxCollection<Category>;
  complaint_events: RxCollection<ComplaintEvent>;
  holidays: RxCollection<Holiday>;
  sla_rules: RxCollection<SlaRuleSetDocument>;
  sync_rejections: RxCollection<SyncRejection>;
  templates: RxCollection<ResponseTemplate>;
};
export type Replica = RxDatabase<ReplicaCollections>;

/** One replica per officer on this device; the name is derived from the officer id. */
export function replicaNameFor(officerId: string): string {
  return `lapor_${officerId.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

export async function openReplica(
  officerId: string,
  storage: RxStorage<unknown, unknown> = getRxStorageDexie(),
): Promise<Replica> {
  const db = await createRxDatabase<ReplicaCollections>({
    name: replicaNameFor(officerId),
    storage,
    multiInstance: true,
    localDocuments: true,
    closeDuplicates: true,
  });
  await db.addCollections({
    complaints: {
      schema: complaintRxSchema,
      localDocuments: true,
      migrationStrategies: complaintMigrationStrategies,
    },
    complaint_events: {
      schema: complaintEventRxSchema,
      migrationStrategies: complaintEventMigrationStrategies,
    },
    units: { schema: unitRxSchema },
    categories: { schema: categoryRxSchema },
    holidays: { schema: holidayRxSchema },
    sla_rules: { schema: slaRuleSetRxSchema },
    sync_rejections: { schema: syncRejectionRxSchema },
    templates: { schema: responseTemplateRxSchema },
  });
  return db;
}
