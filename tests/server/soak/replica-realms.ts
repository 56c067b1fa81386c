import { Worker } from 'node:worker_threads';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import {
  replicaReplySchema,
  type ReplicaAnswers,
  type ReplicaEnvelope,
  type ReplicaRequest,
} from './replica-messages.ts';

/** Replicas (RxDatabases) per realm: RxDB's open-source build opens 13 collections, a replica 3. */
export const REPLICAS_PER_REALM = 4;

type Waiting = { resolve(value: unknown): void; reject(error: Error): void };

/** One worker thread holding replicas; requests are answered in its own time, by id. */
export class ReplicaRealm {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failure: Error | null = null;
  private replicas = 0;
  readonly index: number;

  constructor(index: number) {
    this.index = index;
    // execArgv as the parent's (type stripping, loaders), env as the parent's.
    this.worker = new Worker(new URL('./replica-worker.ts', import.meta.url));
    this.worker.on('message', (message: unknown) => {
      const reply = replicaReplySchema.safeParse(message);
      if (!reply.success) {
        this.fail(new Error(`realm ${index}: malformed reply: ${reply.error.message}`));
        return;
      }
      const waiting = this.waiting.get(reply.data.id);
      if (!waiting) return;
      this.waiting.delete(reply.data.id);
      if (reply.data.ok) waiting.resolve(reply.data.value);
      else waiting.reject(new Error(reply.data.error));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`realm ${index} exited (${code})`)));
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }

  /** Replicas opened here. */
  get load(): number {
    return this.replicas;
  }

  /** Takes one replica slot; false when the realm is full. */
  reserve(): boolean {
    if (this.replicas >= REPLICAS_PER_REALM) return false;
    this.replicas += 1;
    return true;
  }

  ask<K extends ReplicaRequest['kind']>(
    request: Extract<ReplicaRequest, { kind: K }>,
  ): Promise<ReplicaAnswers[K]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<ReplicaAnswers[K]>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      const envelope: ReplicaEnvelope = { id, request };
      this.worker.postMessage(envelope);
    });
  }

  /** Ends the thread and every replica in it, closed or not (nothing stays open for the next run). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * A device's replica as the soak driver uses it, living in a realm: what the driver used of
 * `TestReplica`, over the realm's messages.
 */
export class RemoteReplica {
  readonly realm: ReplicaRealm;
  readonly handle: string;

  constructor(realm: ReplicaRealm, handle: string) {
    this.realm = realm;
    this.handle = handle;
  }

  sync(timeoutMs = 30_000) {
    return this.realm.ask({ kind: 'sync', handle: this.handle, timeoutMs });
  }
  pause() {
    return this.realm.ask({ kind: 'pause', handle: this.handle });
  }
  resume() {
    return this.realm.ask({ kind: 'resume', handle: this.handle });
  }
  edit(complaintId: string, patch: Partial<Complaint>) {
    return this.realm.ask({ kind: 'edit', handle: this.handle, complaintId, patch });
  }
  insertEvents(events: readonly ComplaintEvent[]) {
    return this.realm.ask({ kind: 'insert-events', handle: this.handle, events: [...events] });
  }
  complaints() {
    return this.realm.ask({ kind: 'complaints', handle: this.handle });
  }
  events(complaintId?: string) {
    return this.realm.ask({
      kind: 'events',
      handle: this.handle,
      ...(complaintId ? { complaintId } : {}),
    });
  }
  rejections() {
    return this.realm.ask({ kind: 'rejections', handle: this.handle });
  }
  pending() {
    return this.realm.ask({ kind: 'pending', handle: this.handle });
  }
  conflicts() {
    return this.realm.ask({ kind: 'conflicts', handle: this.handle });
  }
  describe() {
    return this.realm.ask({ kind: 'describe', handle: this.handle });
  }
  explainPending() {
    return this.realm.ask({ kind: 'explain-pending', handle: this.handle });
  }
  close() {
    return this.realm.ask({ kind: 'close', handle: this.handle });
  }
}

/** Realms enough for `replicas` replicas, filled in turn so the load spreads evenly. */
export function openReplicaRealms(replicas: number): ReplicaRealm[] {
  const count = Math.max(1, Math.ceil(replicas / REPLICAS_PER_REALM));
  return Array.from({ length: count }, (_unused, index) => new ReplicaRealm(index));
}

/** Opens a device's replica in the emptiest realm with room. */
export async function openRemoteReplica(
  realms: readonly ReplicaRealm[],
  handle: string,
  options: { serverUrl: string; session: SessionResponse; skewMs: number },
): Promise<RemoteReplica> {
  const realm = [...realms]
    .sort((a, b) => a.load - b.load)
    .find((candidate) => candidate.reserve());
  if (!realm) throw new Error(`no realm has room for replica ${handle}`);
  await realm.ask({ kind: 'open', handle, ...options });
  return new RemoteReplica(realm, handle);
}

/** A second window on the device of `leader`: the same realm and replica. */
export async function openRemoteWindow(leader: RemoteReplica, handle: string) {
  await leader.realm.ask({ kind: 'open-window', handle, of: leader.handle });
  return new RemoteReplica(leader.realm, handle);
}
