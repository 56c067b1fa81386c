import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import type { SessionResponse } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { AccessTokenProvider, type RefreshTokenStore } from '../api/access-token-provider.ts';
import type { Replica } from '../db/create-replica.ts';
import { PendingChanges } from './pending-changes.ts';
import { replicateCollection } from './replicate-collection.ts';
import { replicateAppendOnly } from './replicate-append-only.ts';
import { openReplicationMeta, replicateWithFirstCopy } from './replicate-with-first-copy.ts';
import { LiveWriteTurns } from './live-write-turns.ts';
import type { ReplicationMeta } from '../db/replication-meta.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { ChangeStream } from './change-stream.ts';
import { AttachmentTransfer } from './attachment-transfer.ts';
import { announceEventFiles } from './announce-event-files.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status.ts';
import { historyShare } from '../../../shared/sync/plan-first-sync-phase.ts';
import { TabChannel } from './tab-channel.ts';
import { markSignIn } from '../session/mark-sign-in.ts';
import type { TabMessage } from './tab-messages.ts';
import {
  initialSyncState,
  reduceSyncState,
  type SyncEvent,
} from '../../../shared/sync/sync-state.ts';

const LAST_SYNCED_KEY = 'last-synced';
/** Set once the first copy of the queue is complete; until then a restart resumes it. */
const INITIAL_DONE_KEY = 'initial-sync-done';
const TICK_MS = 5000;

/**
 * `leader`: this window syncs for every window of the officer on this device;
 * `follower`: another window does, this one shows its status and hands it requests.
 */
export type SyncRole = 'follower' | 'leader';

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

/**
 * Owns the replication of one officer's replica and derives the status shown in the status bar.
 *
 * Several windows of the officer open the same replica; RxDB's leader election (a Web Lock)
 * picks one that replicates, streams live changes and transfers files. The others still see
 * every change (the replica broadcasts writes between windows), their edits are pushed by the
 * leader, and they show the leader's status, sent over a BroadcastChannel. When the leader's
 * window closes, the lock passes to another window, which starts syncing from the stored
 * checkpoints.
 */
export class SyncController {
  readonly status$ = new BehaviorSubject<SyncStatus>(INITIAL_SYNC_STATUS);
  readonly role$ = new BehaviorSubject<SyncRole>('follower');
  readonly pending: PendingChanges;
  readonly tokens: AccessTokenProvider;
  readonly attachments: AttachmentTransfer;
  private readonly replica: Replica;
  private readonly serverUrl: string;
  private readonly onSignedOutElsewhere: () => void;
  private channel: TabChannel | null = null;
  private closed = false;
  private replications: ReplicationHandle[] = [];
  private subscriptions: Subscription[] = [];
  private activeFlags: boolean[] = [];
  private changeStream: ChangeStream | null = null;
  private readonly complaintsMeta: Promise<ReplicationMeta>;

  constructor(options: {
    replica: Replica;
    serverUrl: string;
    refreshToken: string;
    session?: SessionResponse;
    onSession: (session: SessionResponse) => void;
    /** Where the rotating refresh token is kept, shared by the officer's windows. */
    refreshStore?: RefreshTokenStore;
    /** The officer signed out in another window: this one must close the replica too. */
    onSignedOutElsewhere?: () => void;
  }) {
    this.replica = options.replica;
    this.serverUrl = options.serverUrl;
    this.onSignedOutElsewhere = options.onSignedOutElsewhere ?? (() => undefined);
    // A complaint written by the first copy gets its assumed master state right before the
    // officer first edits it, in whichever window (see replicate-with-first-copy.ts).
    this.complaintsMeta = openReplicationMeta(
      options.replica.complaints,
      'complaints',
      options.serverUrl,
    );
    this.complaintsMeta.catch(() => undefined);
    this.pending = new PendingChanges(options.replica.complaints, {
      beforeEdit: async (collection, ids) => {
        if (collection === 'complaints') await (await this.complaintsMeta).keepAssumedMasters(ids);
      },
    });
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
      ...(options.refreshStore ? { store: options.refreshStore } : {}),
    });
    this.attachments = new AttachmentTransfer({
      replica: options.replica,
      serverUrl: options.serverUrl,
      tokens: this.tokens,
      relay: {
        kick: () => this.channel?.post({ type: 'attachments-kick' }),
        want: (eventId) => this.channel?.post({ type: 'attachments-want', eventId }),
      },
    });
  }

  private get leading(): boolean {
    return this.role$.value === 'leader';
  }

  /** Feeds the sync state machine; the status bar shows its phase and reason. */
  dispatch(event: SyncEvent): void {
    this.patch({ machine: reduceSyncState(this.status$.value.machine, event) });
  }

  /** Stops syncing until resumed; local work goes on and is queued. */
  pause(): void {
    if (!this.leading) {
      this.channel?.post({ type: 'pause' });
      return;
    }
    for (const replication of this.replications) void replication.state.pause();
    this.changeStream?.stop();
    this.dispatch({ type: 'PAUSE', at: Date.now() });
  }

  resume(): void {
    if (!this.leading) {
      this.channel?.post({ type: 'resume' });
      return;
    }
    this.dispatch({ type: 'RESUME', at: Date.now() });
    for (const replication of this.replications) void replication.state.start();
    this.changeStream?.start();
  }

  /**
   * Shows what the replica knows, then syncs as soon as this window is the leader; until then
   * it follows the leader's status.
   */
  async start(): Promise<void> {
    await this.pending.load();
    this.subscriptions.push(this.pending.count$.subscribe((pending) => this.patch({ pending })));
    await this.loadStatus();
    this.attachments.watch();
    this.channel = new TabChannel(this.replica.name, (message) => this.onTabMessage(message));
    this.channel.post({ type: 'status-wanted' });
    void this.replica.waitForLeadership().then(() => this.lead());
  }

  /** Asks every collection to pull and push now (e.g. after signing in again). */
  syncNow(): void {
    if (!this.leading) {
      this.channel?.post({ type: 'sync-now' });
      return;
    }
    for (const replication of this.replications) replication.state.reSync();
  }

  /** After the officer signed in again: every window takes the new session, the leader syncs. */
  signedInAgain(session: SessionResponse): void {
    this.tokens.replaceSession(session);
    this.channel?.post({ type: 'session', session });
    this.syncNow();
  }

  /** Tells the other windows that the officer signed out, before the replica is wiped. */
  announceSignOut(): void {
    this.channel?.post({ type: 'signed-out' });
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.channel?.close();
    this.channel = null;
    this.pending.stop();
    this.changeStream?.stop();
    await this.attachments.stop();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await Promise.all(this.replications.map((replication) => replication.state.cancel()));
  }

  private onTabMessage(message: TabMessage): void {
    if (this.closed) return;
    switch (message.type) {
      case 'status':
        // The pending count is read from the replica by every window.
        if (!this.leading)
          this.status$.next({ ...message.status, pending: this.pending.count$.value });
        return;
      case 'status-wanted':
        if (this.leading) this.channel?.post({ type: 'status', status: this.status$.value });
        return;
      case 'sync-now':
        if (this.leading) this.syncNow();
        return;
      case 'pause':
        if (this.leading) this.pause();
        return;
      case 'resume':
        if (this.leading) this.resume();
        return;
      case 'attachments-kick':
        if (this.leading) this.attachments.kick();
        return;
      case 'attachments-want':
        if (this.leading) void this.attachments.wantById(message.eventId);
        return;
      case 'session':
        this.tokens.replaceSession(message.session);
        if (this.leading) this.syncNow();
        return;
      case 'signed-out':
        this.closed = true;
        this.onSignedOutElsewhere();
        return;
    }
  }

  /** The status as the replica remembers it, before (or on taking over) the sync. */
  private async loadStatus(): Promise<{ initialDone: boolean; alreadyPulled: number }> {
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
    return { initialDone: Boolean(initialDone), alreadyPulled };
  }

  /** This window won the leadership: it syncs for all windows of the officer. */
  private async lead(): Promise<void> {
    if (this.closed) return;
    this.role$.next('leader');
    markSignIn('sync-leading');
    const { initialDone, alreadyPulled } = await this.loadStatus();
    if (this.closed) return;
    // Every change of the status reaches the other windows.
    this.subscriptions.push(
      this.status$.subscribe((status) => this.channel?.post({ type: 'status', status })),
    );
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
      beforePush?: (documents: T[]) => Promise<void>,
    ) =>
      replicateCollection({
        collection,
        name,
        serverUrl: this.serverUrl,
        tokens: this.tokens,
        pending: this.pending,
        stream$: changeStream.streamFor<T>(name),
        ...(beforePush ? { beforePush } : {}),
      });
    // The officer's open complaints come first; the closed history follows. A fresh replica's
    // first copy of them is written once, outside RxDB's protocol. A live change of a complaint
    // goes before the next part of either history.
    const liveTurns = new LiveWriteTurns();
    const complaints = replicateWithFirstCopy({
      collection: this.replica.complaints,
      name: 'complaints',
      serverUrl: this.serverUrl,
      tokens: this.tokens,
      pending: this.pending,
      stream$: changeStream.streamFor<Complaint>('complaints'),
      prioritiseOpen: true,
      meta: this.complaintsMeta,
      progressHolder: this.replica.complaints,
      liveTurns,
    });
    this.replications = [
      complaints,
      // Timelines are append-only: pulled and written once, sent from an outbox. The server
      // accepts an event only with its files announced first.
      replicateAppendOnly({
        collection: this.replica.complaint_events,
        name: 'complaint_events',
        serverUrl: this.serverUrl,
        tokens: this.tokens,
        pending: this.pending,
        stream$: changeStream.streamFor('complaint_events'),
        checkpointHolder: this.replica.complaints,
        // The timelines of the open complaints come first too.
        prioritiseOpen: true,
        liveTurns,
        beforePush: (events) => announceEventFiles(this.serverUrl, this.tokens, events),
      }),
      replicate(this.replica.units, 'units'),
      replicate(this.replica.categories, 'categories'),
      replicate(this.replica.holidays, 'holidays'),
      replicate(this.replica.sla_rules, 'sla_rules'),
      replicate(this.replica.sync_rejections, 'sync_rejections'),
      replicate(this.replica.templates, 'templates'),
      replicate(this.replica.report_identity, 'report_identity'),
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
      complaints.progress$.subscribe((progress) => {
        if (this.status$.value.initialSync) {
          const total = progress.remaining === null ? null : progress.pulled + progress.remaining;
          this.patch({
            initialSync: {
              pulled: alreadyPulled + progress.pulled,
              total: total === null ? null : alreadyPulled + total,
            },
            history:
              progress.openPulled === null
                ? null
                : { fraction: historyShare(progress.pulled, total, progress.openPulled) },
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
      this.patch({ initialSync: null, history: null });
      this.dispatch({ type: 'INITIAL_DONE', at: Date.now() });
      if (!initialDone)
        await this.replica.complaints.upsertLocal(INITIAL_DONE_KEY, { at: Date.now() });
      return this.noteSyncedWhenIdle();
    });
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
