import { toRxSchema } from './to-rx-schema.ts';
import { complaintSchema, type Complaint } from './complaint.ts';
import { unitSchema, type Unit } from './unit.ts';
import { categorySchema, type Category } from './category.ts';

/** Collection names are also the replication names used in the HTTP paths. */
export const REPLICATED_COLLECTIONS = ['complaints', 'units', 'categories'] as const;
export type ReplicatedCollection = (typeof REPLICATED_COLLECTIONS)[number];

export const complaintRxSchema = toRxSchema<Complaint>(complaintSchema, {
  title: 'complaints',
  version: 0,
  primaryKey: 'id',
  indexes: [
    ['status', 'dueAt'],
    ['unitId', 'status', 'dueAt'],
    ['categoryId', 'dueAt'],
    ['updatedAt'],
    ['dueAt'],
    ['trackingNumber'],
  ],
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
