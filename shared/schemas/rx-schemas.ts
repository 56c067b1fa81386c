/** Collection names are also the replication names used in the HTTP paths. */
export const REPLICATED_COLLECTIONS = [
  'complaints',
  'complaint_events',
  'units',
  'categories',
  'holidays',
  'sla_rules',
  'sync_rejections',
  'templates',
  'report_identity',
] as const;
export type ReplicatedCollection = (typeof REPLICATED_COLLECTIONS)[number];
