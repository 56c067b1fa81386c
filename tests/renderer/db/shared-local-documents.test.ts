import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { PendingChanges } from '../../../renderer/src/sync/pending-changes.ts';
import { MergeConflicts } from '../../../renderer/src/db/merge-conflicts.ts';
import type { MergeConflictRecord } from '../../../renderer/src/db/complaint-conflict-handler.ts';

// Two windows of one officer open the same replica; in one process RxDB allows that only in
// dev mode (`ignoreDuplicate`, which wants a validating storage). Writes reach the other instance as they do between tabs.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);

type Window = { db: RxDatabase<{ complaints: RxCollection }>; pending: PendingChanges };
const opened: Window[] = [];
let counter = 0;

async function openWindow(name: string): Promise<Window> {
  const db = await createRxDatabase<{ complaints: RxCollection }>({
    name,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }),
    multiInstance: true,
    ignoreDuplicate: true,
  });
  await db.addCollections({
    complaints: {
      schema: {
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 40 } },
        required: ['id'],
      },
      localDocuments: true,
    },
  });
  const pending = new PendingChanges(db.complaints);
  await pending.load();
  const window = { db, pending };
  opened.push(window);
  return window;
}

async function eventually(check: () => boolean): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5_000) throw new Error('the windows did not agree');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const write = () => Promise.resolve();

afterEach(async () => {
  for (const { db, pending } of opened.splice(0)) {
    pending.stop();
    await db.close();
  }
});

describe('pending changes counted by several windows', () => {
  it('keeps every window’s edits when they count at the same time, and all show the total', async () => {
    counter += 1;
    const a = await openWindow(`pending-windows-${counter}`);
    const b = await openWindow(`pending-windows-${counter}`);
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => a.pending.track('complaints', [`a-${i}`], write)),
      ...Array.from({ length: 10 }, (_, i) => b.pending.track('complaints', [`b-${i}`], write)),
      b.pending.track('holidays', ['h-1'], write),
    ]);
    await eventually(() => a.pending.count$.value === 21 && b.pending.count$.value === 21);
  });

  it('a push settled by the leader clears edits made in a follower, not newer ones', async () => {
    counter += 1;
    const leader = await openWindow(`pending-windows-${counter}`);
    const follower = await openWindow(`pending-windows-${counter}`);
    await follower.pending.track('complaints', ['c-1', 'c-2'], write);
    await eventually(() => leader.pending.count$.value === 2);
    const snapshot = leader.pending.snapshot('complaints', ['c-1', 'c-2']);
    expect([...snapshot.values()]).toEqual([1, 1]);
    // While the push is in flight the follower edits c-2 again.
    await follower.pending.track('complaints', ['c-2'], write);
    await leader.pending.settle(snapshot);
    await eventually(
      () => leader.pending.count$.value === 1 && follower.pending.count$.value === 1,
    );
    expect(follower.pending.snapshot('complaints', ['c-2']).get('complaints/c-2')).toBe(2);
  });

  it('a window opened later shows the count the others left', async () => {
    counter += 1;
    const first = await openWindow(`pending-windows-${counter}`);
    await first.pending.track('units', ['u-1'], write);
    const later = await openWindow(`pending-windows-${counter}`);
    expect(later.pending.count$.value).toBe(1);
  });

  it('a failed write in one window takes back only its own count', async () => {
    counter += 1;
    const a = await openWindow(`pending-windows-${counter}`);
    const b = await openWindow(`pending-windows-${counter}`);
    await a.pending.track('complaints', ['x'], write);
    await expect(
      b.pending.track('complaints', ['x'], () => Promise.reject(new Error('refused'))),
    ).rejects.toThrow('refused');
    const edits = (window: Window) =>
      window.pending.snapshot('complaints', ['x']).get('complaints/x');
    await eventually(() => edits(a) === 1 && edits(b) === 1);
    expect(a.pending.count$.value).toBe(1);
  });
});

function conflictOn(complaintId: string): MergeConflictRecord {
  return {
    complaintId,
    trackingNumber: `KALTIM-2611-${complaintId}`,
    conflicts: [],
    serverSeq: 1,
    updatedBy: 'Rahmawati Syahrani',
    detectedAt: 1_000,
  };
}

describe('merge conflicts kept by several windows', () => {
  it('keeps a conflict recorded by the syncing window while another window dismisses one', async () => {
    counter += 1;
    const leader = await openWindow(`conflict-windows-${counter}`);
    const follower = await openWindow(`conflict-windows-${counter}`);
    const inLeader = new MergeConflicts(leader.db.complaints);
    const inFollower = new MergeConflicts(follower.db.complaints);
    await inLeader.record(conflictOn('c-0'));
    await Promise.all([
      ...Array.from({ length: 8 }, (_, i) => inLeader.record(conflictOn(`c-${i + 1}`))),
      inFollower.dismiss('c-0'),
    ]);
    const ids = async (conflicts: MergeConflicts) =>
      (await conflicts.list()).map((record) => record.complaintId).sort();
    const expected = Array.from({ length: 8 }, (_, i) => `c-${i + 1}`);
    // Each window sees the other's writes a moment later; a lost write never shows up.
    let seen: string[][] = [];
    const started = Date.now();
    while (Date.now() - started < 5_000) {
      seen = [await ids(inLeader), await ids(inFollower)];
      if (seen.every((list) => list.join() === expected.join())) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toEqual([expected, expected]);
  });
});
