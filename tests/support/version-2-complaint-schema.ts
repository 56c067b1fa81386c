import { toRxSchema } from '../../renderer/src/db/to-rx-schema.ts';
import { complaintSchema, type Complaint } from '../../shared/schemas/complaint.ts';

/**
 * The complaint schema as version 2 of the replica stored it: the reporter's identity
 * encrypted, and six indexes, four of which no query read (dropped in version 3).
 */
export const complaintRxSchemaVersion2 = toRxSchema<Complaint>(complaintSchema, {
  title: 'complaints',
  version: 2,
  primaryKey: 'id',
  indexes: [
    ['status', 'dueAt'],
    ['unitId', 'status', 'dueAt'],
    ['categoryId', 'dueAt'],
    ['updatedAt'],
    ['dueAt'],
    ['trackingNumber'],
  ],
  encrypted: ['reporter'],
});
