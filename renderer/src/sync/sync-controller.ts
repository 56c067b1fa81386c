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

const LAST_SYNCED_KEY = 'last-synced';

/** What the controller needs of each collection's replication, whatever its document type. */
type ReplicationHandle = {
  state: { active$: Observable<boolean>; reSync(): void; cancel(): Promise<unknown> };
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

  async start(): Promise<void> {
    await this.pending.load();
    const lastSynced = await this.replica.complaints.getLocal<{ at: number }>(LAST_SYNCED_KEY);
    const alreadyHasData = (await this.replica.complaints.count().exec()) > 0;
    this.patch({
      lastSyncedAt: lastSynced?.get('at') ?? null,
      initialSync: alreadyHasData ? null : { pulled: 0, total: null },
      pending: this.pending.count$.value,
    });

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
        // The replications may have gone idle before the stream connected.
        if (connection === 'online') void this.noteSyncedWhenIdle();
      }),
      this.tokens.authState$.subscribe((auth) =>
        this.patch({ sessionExpired: auth === 'expired' }),
      ),
      this.pending.count$.subscribe((pending) => this.patch({ pending })),
      complaints.progress$.subscribe((progress) => {
        if (this.status$.value.initialSync) {
          this.patch({
            initialSync: {
              pulled: progress.pulled,
              total: progress.remaining === null ? null : progress.pulled + progress.remaining,
            },
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
    void complaints.state.awaitInitialReplication().then(() => {
      this.patch({ initialSync: null });
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
