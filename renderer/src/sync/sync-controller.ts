import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { AccessTokenProvider } from '../api/access-token-provider.ts';
import type { Replica } from '../db/create-replica.ts';
import { PendingChanges } from './pending-changes.ts';
import { replicateCollection } from './replicate-collection.ts';
import { ChangeStream } from './change-stream.ts';
import { AttachmentTransfer } from './attachment-transfer.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status.ts';
import {
  initialSyncState,
  reduceSyncState,
  type SyncEvent,
} from '../../../shared/sync/sync-state.ts';

const LAST_SYNCED_KEY = 'last-synced';
/** Set once the first copy of the queue is complete; until then a restart resumes it. */
const INITIAL_DONE_KEY = 'initial-sync-done';
const TICK_MS = 5000;

/** What the controller needs of each collection's replication, whatever its document type. */
type ReplicationHandle = {
  state: {
    active$: Observable<boolean>;
    reSync(): void;
    cancel(): Promise<unknown>;
    pause(): Promise<unknown>;
    start(): Promise<unknown>;
  };
};

/** Owns the replication of one officer's replica and derives the status shown in the status bar. */
export class SyncController {
  readonly status$ = new BehaviorSubject<SyncStatus>(INITIAL_SYNC_STATUS);
  readonly pending: PendingChanges;
  readonly tokens: AccessTokenProvider;
  readonly attachments: AttachmentTransfer;
  private readonly replica: Replica;
  private readonly serverUrl: string;
  private replications: ReplicationHandle[] = [];
  private subscriptions: Subscription[] = [];
  private activeFlags: boolean[] = [];
  private changeStream: ChangeStream | null = null;

  constructor(options: {
    replica: Replica;
    serverUrl: string;
    refreshToken: string;
    session?: SessionResponse;
    onSession: (session: SessionResponse) => void;
  }) {
    this.replica = options.replica;
    this.serverUrl = options.serverUrl;
    this.pending = new PendingChanges(options.replica.complaints);
    this.tokens = new AccessTokenProvider({
      serverUrl: options.serverUrl,
      refreshToken: options.refreshToken,
      ...(options.session
        ? {
            accessToken: options.session.accessToken,
            accessExpiresAt: options.session.accessTokenExpiresAt,
            serverTime: options.session.serverTime,
          }
        : {}),
      onSession: options.onSession,
    });
    this.attachments = new AttachmentTransfer({
      replica: options.replica,
      serverUrl: options.serverUrl,
      tokens: this.tokens,
    });
  }

  /** Feeds the sync state machine; the status bar shows its phase and reason. */
  dispatch(event: SyncEvent): void {
    this.patch({ machine: reduceSyncState(this.status$.value.machine, event) });
  }

  /** Stops syncing until resumed; local work goes on and is queued. */
  pause(): void {
    for (const replication of this.replications) void replication.state.pause();
    this.changeStream?.stop();
    this.dispatch({ type: 'PAUSE', at: Date.now() });
  }

  resume(): void {
    this.dispatch({ type: 'RESUME', at: Date.now() });
    for (const replication of this.replications) void replication.state.start();
    this.changeStream?.start();
  }

  async start(): Promise<void> {
    await this.pending.load();
    const lastSynced = await this.replica.complaints.getLocal<{ at: number }>(LAST_SYNCED_KEY);
    const initialDone = await this.replica.complaints.getLocal<{ at: number }>(INITIAL_DONE_KEY);
    // A first copy cut short (closed, offline) resumes from its checkpoint; what is already
    // here counts as done.
    const alreadyPulled = initialDone ? 0 : await this.replica.complaints.count().exec();
    const startedAt = Date.now();
    this.patch({
      lastSyncedAt: lastSynced?.get('at') ?? null,
      initialSync: initialDone ? null : { pulled: alreadyPulled, total: null },
      pending: this.pending.count$.value,
      machine: initialSyncState(startedAt, navigator.onLine),
    });
    if (!initialDone) this.dispatch({ type: 'INITIAL_START', alreadyPulled, at: startedAt });
    this.dispatch({ type: 'CLOCK', serverMinusDeviceMs: this.tokens.clockOffset, at: startedAt });
    const onOnline = () => this.dispatch({ type: 'NETWORK', online: true, at: Date.now() });
    const onOffline = () => this.dispatch({ type: 'NETWORK', online: false, at: Date.now() });
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const tick = setInterval(() => {
      this.dispatch({
        type: 'CLOCK',
        serverMinusDeviceMs: this.tokens.clockOffset,
        at: Date.now(),
      });
    }, TICK_MS);
    this.subscriptions.push({
      unsubscribe: () => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
        clearInterval(tick);
      },
    } as Subscription);

    this.changeStream = new ChangeStream(`${this.serverUrl}/api/replication/stream`, this.tokens);
    const changeStream = this.changeStream;
    const replicate = <T extends { id: string }>(
      collection: RxCollection<T>,
      name: ReplicatedCollection,
    ) =>
      replicateCollection({
        collection,
        name,
        serverUrl: this.serverUrl,
        tokens: this.tokens,
        pending: this.pending,
        stream$: changeStream.streamFor<T>(name),
      });
    const complaints = replicate(this.replica.complaints, 'complaints');
    this.replications = [
      complaints,
      replicate(this.replica.complaint_events, 'complaint_events'),
      replicate(this.replica.units, 'units'),
      replicate(this.replica.categories, 'categories'),
      replicate(this.replica.holidays, 'holidays'),
      replicate(this.replica.sla_rules, 'sla_rules'),
      replicate(this.replica.sync_rejections, 'sync_rejections'),
      replicate(this.replica.templates, 'templates'),
    ];

    this.subscriptions.push(
      changeStream.connection$.subscribe((stream) => {
        const connection =
          stream === 'connected' ? 'online' : stream === 'disconnected' ? 'offline' : 'connecting';
        this.patch({ connection });
        this.dispatch({ type: 'STREAM', state: stream, at: Date.now() });
        // The replications may have gone idle before the stream connected.
        if (connection === 'online') void this.noteSyncedWhenIdle();
      }),
      this.tokens.authState$.subscribe((auth) => {
        this.patch({ sessionExpired: auth !== 'valid' });
        this.dispatch({ type: 'AUTH', state: auth, at: Date.now() });
      }),
      this.pending.count$.subscribe((pending) => this.patch({ pending })),
      complaints.progress$.subscribe((progress) => {
        if (this.status$.value.initialSync) {
          const total = progress.remaining === null ? null : progress.pulled + progress.remaining;
          this.patch({
            initialSync: {
              pulled: alreadyPulled + progress.pulled,
              total: total === null ? null : alreadyPulled + total,
            },
          });
          this.dispatch({
            type: 'INITIAL_PROGRESS',
            pulled: progress.pulled,
            total,
            at: Date.now(),
          });
        }
      }),
    );

    this.replications.forEach((replication, index) => {
      this.subscriptions.push(
        replication.state.active$.subscribe((active) => {
          this.activeFlags[index] = active;
          void this.noteSyncedWhenIdle();
        }),
      );
    });
    this.changeStream.start();
    this.attachments.start();
    void complaints.state.awaitInitialReplication().then(async () => {
      this.patch({ initialSync: null });
      this.dispatch({ type: 'INITIAL_DONE', at: Date.now() });
      if (!initialDone)
        await this.replica.complaints.upsertLocal(INITIAL_DONE_KEY, { at: Date.now() });
      return this.noteSyncedWhenIdle();
    });
  }

  /** Asks every collection to pull and push now (e.g. after signing in again). */
  syncNow(): void {
    for (const replication of this.replications) replication.state.reSync();
  }

  async stop(): Promise<void> {
    this.changeStream?.stop();
    await this.attachments.stop();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await Promise.all(this.replications.map((replication) => replication.state.cancel()));
  }

  private async noteSyncedWhenIdle(): Promise<void> {
    const busy = this.activeFlags.some(Boolean);
    if (busy || this.status$.value.connection !== 'online') return;
    const at = Date.now();
    this.patch({ lastSyncedAt: at });
    await this.replica.complaints.upsertLocal(LAST_SYNCED_KEY, { at });
  }

  private patch(change: Partial<SyncStatus>): void {
    this.status$.next({ ...this.status$.value, ...change });
  }
}
