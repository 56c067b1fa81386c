export const ROLES = ['admin_instansi', 'penghubung', 'koordinator'] as const;
export type Role = (typeof ROLES)[number];

/** Whether an officer of this role may ever receive the reporter's identity (DOMAIN.md). */
export function roleSeesReporterIdentity(role: Role): boolean {
  return role === 'admin_instansi';
}

/** Complaint fields each role may change through replication. Status goes through the lifecycle. */
export const EDITABLE_COMPLAINT_FIELDS: Readonly<Record<Role, readonly string[]>> = {
  admin_instansi: ['categoryId', 'priority', 'unitId', 'duplicateOf', 'anonim', 'rahasia'],
  penghubung: [],
  koordinator: [],
};
