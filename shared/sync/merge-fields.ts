/**
 * Field-level three-way merge of two concurrent edits of one record against their common base.
 *
 * Fields are merged in groups: a group is one unit of meaning (a disposition is the status and
 * the OPD together), so a merge never combines half of one side's group with half of the other's.
 * A group changed on one side only takes that side's values; changed on both sides to the same
 * values is not a conflict; changed on both sides differently is reported as a conflict and keeps
 * the base values in `merged` until someone decides. The result does not depend on which side is
 * called local: swapping them swaps `ours` and `theirs` in the conflicts and nothing else.
 */

export type FieldGroup<F extends string> = readonly F[];

/** The values of one group's fields on each side (only the group's fields are present). */
export type GroupConflict<T, F extends keyof T & string> = {
  fields: readonly F[];
  base: Partial<Pick<T, F>>;
  ours: Partial<Pick<T, F>>;
  theirs: Partial<Pick<T, F>>;
};

export type MergeResult<T, F extends keyof T & string> = {
  merged: T;
  conflicts: GroupConflict<T, F>[];
  /** Groups taken from each side (changed there only, or identically on both). */
  takenFromOurs: F[][];
  takenFromTheirs: F[][];
};

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

function pick<T, F extends keyof T & string>(record: T, fields: readonly F[]): Pick<T, F> {
  const picked = {} as Pick<T, F>;
  for (const field of fields) picked[field] = record[field];
  return picked;
}

function groupChanged<T, F extends keyof T & string>(
  from: T,
  to: T,
  fields: readonly F[],
): boolean {
  return fields.some((field) => !sameValue(from[field], to[field]));
}

/**
 * Merges `ours` and `theirs`, both derived from `base`, over the given field groups. Fields
 * outside every group keep their `base` values; callers set those themselves.
 */
export function mergeFields<T extends object, F extends keyof T & string>(
  base: T,
  ours: T,
  theirs: T,
  groups: readonly FieldGroup<F>[],
): MergeResult<T, F> {
  const merged = { ...base };
  const conflicts: GroupConflict<T, F>[] = [];
  const takenFromOurs: F[][] = [];
  const takenFromTheirs: F[][] = [];
  for (const fields of groups) {
    const oursChanged = groupChanged(base, ours, fields);
    const theirsChanged = groupChanged(base, theirs, fields);
    if (!oursChanged && !theirsChanged) continue;
    if (oursChanged && theirsChanged && groupChanged(ours, theirs, fields)) {
      conflicts.push({
        fields,
        base: pick(base, fields),
        ours: pick(ours, fields),
        theirs: pick(theirs, fields),
      });
      continue;
    }
    const source = oursChanged ? ours : theirs;
    for (const field of fields) merged[field] = source[field];
    if (oursChanged) takenFromOurs.push([...fields]);
    if (theirsChanged) takenFromTheirs.push([...fields]);
  }
  return { merged, conflicts, takenFromOurs, takenFromTheirs };
}
