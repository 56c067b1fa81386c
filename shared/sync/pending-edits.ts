/**
 * The count of a device's edits the server has not accepted yet, per document (`collection/id`
 * keys, number of local writes not yet pushed). Pure: every window of an officer applies these
 * to the same stored record, re-reading it when another window wrote first.
 */
export type PendingEdits = Readonly<Record<string, number>>;

export function pendingKey(collection: string, documentId: string): string {
  return `${collection}/${documentId}`;
}

/** Counts (by +1) or takes back (by -1) one write of each document. */
export function adjustEdits(
  edits: PendingEdits,
  collection: string,
  documentIds: readonly string[],
  by: 1 | -1,
): PendingEdits {
  const next = { ...edits };
  for (const id of documentIds) {
    const key = pendingKey(collection, id);
    const count = (next[key] ?? 0) + by;
    if (count > 0) next[key] = count;
    else delete next[key];
  }
  return next;
}

/**
 * After a push: clears the documents whose count is still what it was when the push started.
 * A document written again meanwhile keeps its count (the newer state is not on the server yet).
 * Null when nothing changes.
 */
export function settleEdits(
  edits: PendingEdits,
  snapshot: ReadonlyMap<string, number>,
): PendingEdits | null {
  const next = { ...edits };
  let changed = false;
  for (const [key, editsAtPush] of snapshot) {
    if (next[key] !== undefined && next[key] === editsAtPush) {
      delete next[key];
      changed = true;
    }
  }
  return changed ? next : null;
}

/**
 * Forgets the documents' counts whatever they are: their state is back to the server's, so the
 * replication has nothing of them to push. Null when none was counted.
 */
export function forgetEdits(
  edits: PendingEdits,
  collection: string,
  documentIds: readonly string[],
): PendingEdits | null {
  const next = { ...edits };
  let changed = false;
  for (const id of documentIds) {
    const key = pendingKey(collection, id);
    if (next[key] === undefined) continue;
    delete next[key];
    changed = true;
  }
  return changed ? next : null;
}
