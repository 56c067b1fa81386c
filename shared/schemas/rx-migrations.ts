import type { MigrationStrategies } from 'rxdb';

/** Upgrades of replica documents stored by an older version of the workstation. */
export const complaintMigrationStrategies: MigrationStrategies = {
  1: (document: Record<string, unknown>) => ({ ...document, duplicateOf: '' }),
};
