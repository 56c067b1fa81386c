import type { RxJsonSchema } from 'rxdb';

/**
 * The complaint schema a test opens replicas with in place of the workstation's (an older
 * version, to open a replica as that version stored it); undefined opens with the current one.
 */
export const openedComplaintSchema: { complaints: RxJsonSchema<unknown> | undefined } = {
  complaints: undefined,
};

/**
 * The replica's schemas module with `complaintRxSchema` read from `openedComplaintSchema`, for
 * `vi.mock('…/renderer/src/db/replica-schemas.ts', …)`.
 */
export async function replicaSchemasWithOpenedComplaints(importOriginal: () => Promise<unknown>) {
  const actual =
    (await importOriginal()) as typeof import('../../renderer/src/db/replica-schemas.ts');
  return {
    ...actual,
    get complaintRxSchema() {
      return openedComplaintSchema.complaints ?? actual.complaintRxSchema;
    },
  };
}
