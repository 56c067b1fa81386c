import type { RxCollection } from 'rxdb';
import type { WireDocument } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { postJson } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import type { PendingChanges } from './pending-changes.ts';
import { planOutboxSend, planPushAnswer } from './plan-outbox-send.ts';
import { writeTombstones } from './write-page-once.ts';

/**
 * Sends this device's documents of an append-only collection that the server has not accepted
 * yet. The outbox is the replica's pending-change record for the collection (every window's
 * writes are counted there before they are made, so it survives closing the app), plus any new
 * unstamped document seen written since this outbox started. The server dedupes by id, so a
 * document sent again after a lost answer is stored once. Its answer is written once: the
 * server's stamped copy replaces the device's, a refused new document is withdrawn (the refusal
 * itself arrives in `sync_rejections`).
 */
export class EventOutbox<T extends { id: string; serverSeq: number }> {
  private readonly options: {
    collection: RxCollection<T>;
    name: ReplicatedCollection;
    serverUrl: string;
    tokens: AccessTokenProvider;
    pending: PendingChanges;
    batchSize: number;
    /** Runs before each push with the documents about to go; a throw retries the push. */
    beforePush?: (documents: T[]) => Promise<void>;
  };
  /** Unstamped documents written since this outbox started, whatever counted them. */
  private readonly seen = new Set<string>();

  constructor(options: EventOutbox<T>['options']) {
    this.options = options;
  }

  hasWaiting(): boolean {
    return this.seen.size > 0 || this.options.pending.idsPending(this.options.name).length > 0;
  }

  /** Notes a document written to the collection; true when it waits to be sent. */
  noteWritten(document: T): boolean {
    if (document.serverSeq !== 0) return false;
    this.seen.add(document.id);
    return true;
  }

  /** Sends until nothing waits that is written; throws (to be retried) when a push fails. */
  async sendAll(paused: () => boolean = () => false): Promise<void> {
    const { collection, name, pending, batchSize } = this.options;
    while (!paused()) {
      const waiting = [...pending.idsPending(name), ...this.seen];
      if (waiting.length === 0) return;
      const stored = await collection.storageInstance.findDocumentsById(waiting, true);
      const plan = planOutboxSend<T>(
        waiting,
        new Map(
          stored.map((document) => [document.id, document as unknown as T & { _deleted: boolean }]),
        ),
        batchSize,
      );
      if (plan.drop.length > 0) await this.settle(plan.drop);
      if (plan.send.length === 0) return;
      await this.push(plan.send);
    }
  }

  private async push(documents: WireDocument<T>[]): Promise<void> {
    const { collection, name, serverUrl, tokens, pending } = this.options;
    const contents = documents.map(withoutStorageFields);
    await this.options.beforePush?.(contents as T[]);
    const snapshot = pending.snapshot(
      name,
      contents.map((document) => document.id),
    );
    const answer = (await tokens.withAccessToken((token) =>
      postJson(
        `${serverUrl}/api/replication/${name}/push`,
        contents.map((newDocumentState) => ({ newDocumentState })),
        token,
      ),
    )) as WireDocument<T>[];
    const plan = planPushAnswer<T>(contents, answer);
    if (plan.replace.length > 0) await collection.bulkUpsert(plan.replace);
    if (plan.remove.length > 0) await writeTombstones(collection, plan.remove);
    for (const id of plan.settled) this.seen.delete(id);
    await pending.settle(snapshot);
  }

  private async settle(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.seen.delete(id);
    await this.options.pending.settle(this.options.pending.snapshot(this.options.name, ids));
  }
}

/** The document as the server reads it: its content and `_deleted`, not RxDB's own fields. */
function withoutStorageFields<T>(document: WireDocument<T>): WireDocument<T> {
  const { _meta, _rev, _attachments, ...content } = document as WireDocument<T> & {
    _meta?: unknown;
    _rev?: unknown;
    _attachments?: unknown;
  };
  void _meta;
  void _rev;
  void _attachments;
  return content as WireDocument<T>;
}
