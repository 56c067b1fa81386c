import type { RxCollection, RxLocalDocument } from 'rxdb';

/**
 * Read-modify-write of a local document that several windows of the officer write: RxDB
 * retries `change` on the latest stored state when another window wrote in between, so no
 * window's change overwrites another's. `change` gets null when the document does not exist
 * yet, and returns null to leave it as it is. Resolves with the document as written (null when
 * nothing was written).
 */
export async function updateLocalDocument<T extends object>(
  collection: RxCollection,
  id: string,
  change: (current: T | null) => T | null,
): Promise<RxLocalDocument<unknown, T> | null> {
  let document = await collection.getLocal<T>(id);
  if (!document) {
    const created = change(null);
    if (created === null) return null;
    try {
      return await collection.insertLocal<T>(id, created);
    } catch (error) {
      // Another window created it first: change what that window wrote.
      document = await collection.getLocal<T>(id);
      if (!document) throw error;
    }
  }
  let changed = false;
  const written = await document.incrementalModify((current) => {
    const next = change(current);
    changed = next !== null;
    return next ?? current;
  });
  return changed ? written : null;
}
