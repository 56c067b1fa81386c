import {
  complaintSchema,
  SERVER_CONTROLLED_COMPLAINT_FIELDS,
  type Complaint,
} from '../schemas/complaint.ts';
import { mergeFields, type GroupConflict } from './merge-fields.ts';

/** Complaint fields a device may change; everything else the server sets. */
export type MergeableComplaintField = Exclude<
  keyof Complaint,
  (typeof SERVER_CONTROLLED_COMPLAINT_FIELDS)[number]
>;

const SERVER_FIELDS = new Set<string>(SERVER_CONTROLLED_COMPLAINT_FIELDS);
export const MERGEABLE_COMPLAINT_FIELDS = Object.keys(complaintSchema.shape).filter(
  (field): field is MergeableComplaintField => !SERVER_FIELDS.has(field),
);

/**
 * Fields that only make sense together: a disposition is a status with its OPD, an archive as
 * duplicate is a status with its link, and the privacy flags are confirmed as one decision.
 */
const COUPLED_GROUPS: readonly (readonly MergeableComplaintField[])[] = [
  ['status', 'unitId', 'duplicateOf'],
  ['anonim', 'rahasia'],
];

export const COMPLAINT_FIELD_GROUPS: readonly (readonly MergeableComplaintField[])[] = [
  ...COUPLED_GROUPS,
  ...MERGEABLE_COMPLAINT_FIELDS.filter((field) =>
    COUPLED_GROUPS.every((group) => !group.includes(field)),
  ).map((field) => [field]),
];

export type ComplaintConflict = GroupConflict<Complaint, MergeableComplaintField>;

export type ComplaintMerge = {
  /** Server-set fields from `server`; each field group from whichever side changed it. */
  merged: Complaint;
  /** Groups both sides changed differently; `merged` holds the server's values for them. */
  conflicts: ComplaintConflict[];
};

/**
 * Merges the device's edit (`local`) with the server's newer state (`server`), both derived from
 * `base` (the state the device last received). The server's own fields (change number, due
 * time, who changed it last) always come from the server.
 */
export function mergeComplaint(
  base: Complaint,
  local: Complaint,
  server: Complaint,
): ComplaintMerge {
  const { merged, conflicts } = mergeFields(base, local, server, COMPLAINT_FIELD_GROUPS);
  const result: Complaint = { ...merged };
  for (const field of SERVER_CONTROLLED_COMPLAINT_FIELDS) {
    if (server[field] === undefined) delete result[field];
    else (result as Record<string, unknown>)[field] = server[field];
  }
  for (const conflict of conflicts) Object.assign(result, conflict.theirs);
  return { merged: result, conflicts };
}

/** Applies the officer's choice per conflicting group (`true` = keep mine) to the current state. */
export function applyConflictChoices(
  current: Complaint,
  conflicts: readonly ComplaintConflict[],
  keepMine: readonly boolean[],
): Complaint {
  const next = { ...current };
  conflicts.forEach((conflict, index) => {
    if (keepMine[index]) Object.assign(next, conflict.ours);
  });
  return next;
}
