import type { MigrationStrategies } from 'rxdb';

/**
 * Upgrades of replica documents stored by an older version of the workstation. Version 2
 * encrypts the reporter's identity: the documents are unchanged, rewriting them through the
 * replica's storage is what encrypts it. Version 3 drops the indexes no query read (unit,
 * category, update time, due time alone): the documents are unchanged.
 */
export const complaintMigrationStrategies: MigrationStrategies = {
  1: (document: Record<string, unknown>) => ({ ...document, duplicateOf: '' }),
  2: (document: Record<string, unknown>) => document,
  3: (document: Record<string, unknown>) => document,
};

/**
 * Version 1 added the event kind tindak_lanjut: stored events are valid as they are. Version 2
 * added attachments (none on older events) and the follow-up, note and reply kinds. Version 3
 * added whether the server trusted the device's time (optional: unknown on older events).
 */
export const complaintEventMigrationStrategies: MigrationStrategies = {
  1: (document: Record<string, unknown>) => document,
  2: (document: Record<string, unknown>) => ({ ...document, attachments: [] }),
  3: (document: Record<string, unknown>) => document,
};

/**
 * Version 1 renamed `collection` (which RxDB documents cannot hold) to `targetCollection`.
 * Version 2 encrypts the refused document (rewriting it through the replica's storage does).
 * Version 3 says whether the server left the reporter's identity out or cut the document; the
 * server sends the refusals it cleaned again, so stored ones start with neither.
 * Version 4 carries the refusal as an error code (`reasonError`); stored ones have none and are
 * shown by their text.
 */
export const syncRejectionMigrationStrategies: MigrationStrategies = {
  1: ({ collection, ...document }: Record<string, unknown>) => ({
    ...document,
    targetCollection: collection,
  }),
  2: (document: Record<string, unknown>) => document,
  3: (document: Record<string, unknown>) => ({
    ...document,
    identityRemoved: false,
    documentTruncated: false,
  }),
  4: (document: Record<string, unknown>) => ({ ...document, reasonError: '' }),
};

/** Version 1 marked each holiday as libur nasional or cuti bersama; older ones were national. */
export const holidayMigrationStrategies: MigrationStrategies = {
  1: (document: Record<string, unknown>) => ({ ...document, kind: 'libur_nasional' }),
};
