import { BehaviorSubject, type Subscription } from 'rxjs';
import { deepEqual, getHeightOfRevision, type RxCollection, type RxLocalDocument } from 'rxdb';
import {
  adjustEdits,
  forgetEdits,
  pendingKey,
  settleEdits,
  type PendingEdits,
} from '../../../shared/sync/pending-edits.ts';
import { updateLocalDocument } from '../db/update-local-document.ts';
import { watchLocalDocument } from '../db/watch-local-document.ts';

type PendingDoc = { edits: PendingEdits };
export type BeforeEdit = (collection: string, documentIds: readonly string[]) => Promise<void>;
const LOCAL_ID = 'pending-changes';

/** A document's content as the replication compares it: no `_`-prefixed storage fields. */
function contentOf(document: unknown): unknown {
  if (typeof document !== 'object' || document === null) return document;
  return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_')));
}

/**
 * Counts this device's edits that the server has not yet accepted, per document of any
 * collection (keys `collection/id`), persisted in the replica so a restart shows the same
 * number. An edit made while a push is in flight stays pending until that newer state is pushed.
 *
 * Every window of the officer counts into the same local document: each change is a
 * read-modify-write that RxDB retries on the latest stored state when another window wrote
 * in between, and every window follows the document, so all show the same number.
 */
export class PendingChanges {
  readonly count$ = new BehaviorSubject(0);
  private edits: PendingEdits = {};
  /** Revision height of the stored state `edits` mirrors; older states arriving late are ignored. */
  private height = 0;
  private readonly collection: RxCollection;
  private subscription: Subscription | null = null;
  /**
   * Per counted document, the state the server holds as far as this window knows: the content
   * when its count started, or the answer of the last push that carried it. An edit that brings
   * the document back to it leaves nothing to push, so its count is forgotten.
   */
  private readonly serverStates = new Map<string, unknown>();
  /**
   * Per document the server answered with a state other than the one pushed, while nothing of
   * it was counted: the pushed content and the answer. Until the replication writes the answer
   * into the document, the document still holds the pushed content, and an edit starting then
   * must count from the answer, not from what the document holds.
   */
  private readonly answeredPushes = new Map<string, { pushed: unknown; answered: unknown }>();

  /** Runs right before each local edit, after its count is taken (a throw takes it back). */
  private readonly beforeEdit: BeforeEdit | undefined;

  constructor(collection: RxCollection, options: { beforeEdit?: BeforeEdit } = {}) {
    this.collection = collection;
    this.beforeEdit = options.beforeEdit;
  }

  async load(): Promise<void> {
    this.show(await this.collection.getLocal<PendingDoc>(LOCAL_ID));
    this.subscription ??= watchLocalDocument<PendingDoc>(this.collection, LOCAL_ID).subscribe(
      (document) => this.show(document),
    );
  }

  /** Stops following the stored count (the replica is closing). */
  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /**
   * Counts the documents as edited, then runs the local write. The count comes first: the write
   * can start a push at once, and a push that finishes before the count is taken would leave
   * the edit pending for ever. A write that fails takes its count back.
   */
  async track<T>(
    collection: string,
    documentIds: readonly string[],
    write: () => Promise<T>,
  ): Promise<T> {
    const starting = documentIds.filter((id) => !this.edits[pendingKey(collection, id)]);
    await this.modify((edits) => adjustEdits(edits, collection, documentIds, 1));
    let before: Map<string, unknown>;
    let result: T;
    try {
      before = await this.contentsOf(collection, documentIds);
      await this.beforeEdit?.(collection, documentIds);
      result = await write();
    } catch (error) {
      await this.modify((edits) => adjustEdits(edits, collection, documentIds, -1));
      throw error;
    }
    // A write that changed nothing (the same values saved again) gets a new revision, but the
    // replication sees the same content as the server's and never pushes it, so it would stay
    // counted for ever: its count is taken back.
    const after = await this.contentsOf(collection, documentIds);
    const unchanged = documentIds.filter(
      (id) => before.has(id) && deepEqual(before.get(id), after.get(id)),
    );
    if (unchanged.length > 0)
      await this.modify((edits) => adjustEdits(edits, collection, unchanged, -1));
    for (const id of starting) {
      const key = pendingKey(collection, id);
      const answer = this.answeredPushes.get(key);
      this.answeredPushes.delete(key);
      if (answer && before.has(id) && deepEqual(answer.pushed, contentOf(before.get(id))))
        this.serverStates.set(key, answer.answered);
      else if (before.has(id)) this.serverStates.set(key, contentOf(before.get(id)));
    }
    // Changed and changed back (offline, or while a push was on the way): the replication sees
    // the server's state again and pushes nothing, so nothing is pending any more.
    const undone = documentIds.filter((id) => {
      const known = this.serverStates.get(pendingKey(collection, id));
      return (
        !unchanged.includes(id) && known !== undefined && deepEqual(known, contentOf(after.get(id)))
      );
    });
    if (undone.length > 0) await this.forget(collection, undone);
    return result;
  }

  /**
   * After a push: each pushed document's state on the server is the master the server answered
   * with (a conflict or a refusal), else the pushed state. A document already back to it is no
   * longer pending; the others remember it, to recognise an edit that later returns to it.
   */
  async settleAgainst(
    collection: string,
    pushed: readonly { id: string }[],
    answered: readonly { id: string }[],
  ): Promise<void> {
    const masters = new Map(pushed.map((state) => [state.id, state as unknown]));
    for (const state of answered) masters.set(state.id, state);
    const counted = [...masters.keys()].filter((id) => this.edits[pendingKey(collection, id)]);
    const pushedContents = new Map(pushed.map((state) => [state.id, contentOf(state)]));
    for (const id of masters.keys()) {
      const key = pendingKey(collection, id);
      this.answeredPushes.delete(key);
      if (counted.includes(id)) continue;
      this.serverStates.delete(key);
      const master = contentOf(masters.get(id));
      const sent = pushedContents.get(id);
      if (sent !== undefined && !deepEqual(sent, master))
        this.answeredPushes.set(key, { pushed: sent, answered: master });
    }
    if (counted.length === 0) return;
    const current = await this.contentsOf(collection, counted);
    const settled: string[] = [];
    for (const id of counted) {
      const master = contentOf(masters.get(id));
      if (current.has(id) && deepEqual(contentOf(current.get(id)), master)) settled.push(id);
      else this.serverStates.set(pendingKey(collection, id), master);
    }
    if (settled.length > 0) await this.forget(collection, settled);
  }

  private async forget(collection: string, documentIds: readonly string[]): Promise<void> {
    for (const id of documentIds) this.serverStates.delete(pendingKey(collection, id));
    await this.modify((edits) => forgetEdits(edits, collection, documentIds));
  }

  /** The content (without revision and metadata) of each document that exists, by id. */
  private async contentsOf(
    collection: string,
    documentIds: readonly string[],
  ): Promise<Map<string, unknown>> {
    const target = (this.collection.database.collections as Record<string, RxCollection>)[
      collection
    ];
    if (!target) return new Map();
    const found = await target.findByIds([...documentIds]).exec();
    return new Map([...found].map(([id, document]) => [id, document.toJSON(false)]));
  }

  /** The ids of one collection's documents with edits the server has not accepted yet. */
  idsPending(collection: string): string[] {
    const prefix = pendingKey(collection, '');
    return Object.keys(this.edits)
      .filter((key) => key.startsWith(prefix))
      .map((key) => key.slice(prefix.length));
  }

  /** How many edits of the document wait for the server (0 when none). */
  countOf(collection: string, documentId: string): number {
    return this.edits[pendingKey(collection, documentId)] ?? 0;
  }

  /** Edit counters at push time, to settle only what the push carried. */
  snapshot(collection: string, documentIds: readonly string[]): Map<string, number> {
    return new Map(
      documentIds.map((id) => {
        const key = pendingKey(collection, id);
        return [key, this.edits[key] ?? 0];
      }),
    );
  }

  async settle(snapshot: ReadonlyMap<string, number>): Promise<void> {
    if (settleEdits(this.edits, snapshot) === null) return;
    await this.modify((edits) => settleEdits(edits, snapshot));
  }

  /** Applies `change` to the latest stored counts; `null` from `change` means no change. */
  private async modify(change: (edits: PendingEdits) => PendingEdits | null): Promise<void> {
    const written = await updateLocalDocument<PendingDoc>(this.collection, LOCAL_ID, (current) => {
      const next = change(current?.edits ?? {});
      return next === null ? null : { edits: next };
    });
    this.show(written);
  }

  private show(document: RxLocalDocument<unknown, PendingDoc> | null): void {
    if (!document) return;
    const height = getHeightOfRevision(document.revision);
    if (height < this.height) return;
    this.height = height;
    this.edits = document.get('edits') ?? {};
    const count = Object.keys(this.edits).length;
    if (count !== this.count$.value) this.count$.next(count);
  }
}
