/// <reference lib="dom" />
// page.evaluate bodies run in the browser.
import type { Page } from '@playwright/test';

/** Rows held in one collection of the replica, read from IndexedDB (every stored document once). */
export async function replicaCount(page: Page, collection: string): Promise<number> {
  return page.evaluate(async (name) => {
    const databases = await indexedDB.databases();
    const found = databases.find((database) => database.name?.endsWith(`--${name}`));
    if (!found?.name) return -1;
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const opening = indexedDB.open(found.name!);
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () => reject(new Error(String(opening.error)));
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const counting = database.transaction('docs').objectStore('docs').count();
        counting.onsuccess = () => resolve(counting.result);
        counting.onerror = () => reject(new Error(String(counting.error)));
      });
    } finally {
      database.close();
    }
  }, collection);
}

/**
 * The collection's count once it has stood still for `quietMs`, and when it was first seen at
 * that value (within `pollMs`): the end of the writes of pages already answered.
 */
export async function whenCountSettles(
  page: Page,
  collection: string,
  quietMs = 1500,
  pollMs = 250,
): Promise<{ count: number; at: number }> {
  let count = await replicaCount(page, collection);
  let at = Date.now();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const next = await replicaCount(page, collection);
    if (next !== count) {
      count = next;
      at = Date.now();
    } else if (Date.now() - at >= quietMs) {
      return { count, at };
    }
  }
}

/**
 * Whether a pull answer ends its collection's pull: a page asked by bytes says so with
 * `more: false` (it may hold more or fewer documents than any count); one asked by count ends
 * when it is short.
 */
export function isLastPullAnswer(
  answer: { documents?: unknown[]; more?: boolean },
  pageSize = 1000,
): boolean {
  if (answer.more !== undefined) return !answer.more;
  return (answer.documents?.length ?? 0) < pageSize;
}
