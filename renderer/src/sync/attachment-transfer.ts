import { BehaviorSubject, type Subscription } from 'rxjs';
import type { AttachmentUploadState } from '../../../shared/api/attachment-contract.ts';
import { ATTACHMENT_CHUNK_BYTES } from '../../../shared/attachments/attachment-rules.ts';
import type { AttachmentMeta } from '../../../shared/attachments/attachment-rules.ts';
import {
  ATTACHMENT_CONTENT_ID,
  type AttachmentFile,
} from '../../../shared/schemas/attachment-file.ts';
import type { ComplaintEvent } from '../../../shared/schemas/complaint-event.ts';
import { ApiRequestError, errorFromResponse, send } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';
import type { Replica } from '../db/create-replica.ts';

export type AttachmentTransferState = {
  /** Files posted on this device whose bytes the server does not hold yet. */
  waitingUploads: number;
  /** The last failure other than being offline, as a message to show. */
  problem: string | null;
};

const RETRY_MS = 30_000;
/** How soon a file its author is still uploading is asked for again. */
const INCOMPLETE_RETRY_MS = 2_000;

/** Where a window that does not sync sends its requests: the window that does. */
export type AttachmentRelay = { kick(): void; want(eventId: string): void };

/**
 * Moves attachment bytes between the replica and the server, apart from replication: uploads
 * files of posted follow-ups in chunks, resuming where the server stopped, and downloads the
 * files of timeline events this device has not got, so they can be opened offline.
 * One run at a time; a kick during a run schedules one more. Of several windows of the officer
 * only the one that syncs transfers (`start`); the others count what waits (`watch`) and hand
 * their requests to it through the relay.
 */
export class AttachmentTransfer {
  readonly state$ = new BehaviorSubject<AttachmentTransferState>({
    waitingUploads: 0,
    problem: null,
  });
  private readonly replica: Replica;
  private readonly serverUrl: string;
  private readonly tokens: AccessTokenProvider;
  private readonly wanted = new Map<string, { meta: AttachmentMeta; event: ComplaintEvent }>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private incompleteRetry: ReturnType<typeof setTimeout> | null = null;
  private subscriptions: Subscription[] = [];
  private watching: Subscription | null = null;
  private transferring = false;
  private readonly relay: AttachmentRelay | null;
  private readonly onOnline = () => this.kick();

  constructor(options: {
    replica: Replica;
    serverUrl: string;
    tokens: AccessTokenProvider;
    relay?: AttachmentRelay;
  }) {
    this.replica = options.replica;
    this.serverUrl = options.serverUrl;
    this.tokens = options.tokens;
    this.relay = options.relay ?? null;
  }

  /** Follows how many files wait to upload, whichever window uploads them. */
  watch(): void {
    this.watching ??= this.replica.attachment_files
      .count({ selector: { state: 'upload' } })
      .$.subscribe((waitingUploads) => {
        this.patch({ waitingUploads });
        if (waitingUploads > 0 && this.transferring) this.kick();
      });
  }

  /** Starts transferring (in the one window that syncs). */
  start(): void {
    this.transferring = true;
    this.watch();
    this.subscriptions.push(
      // Events arriving from the server with files: fetch those files while online.
      this.replica.complaint_events.insert$.subscribe((change) => {
        const event = change.documentData as ComplaintEvent;
        if (event.attachments.length > 0 && event.serverSeq > 0) this.want(event);
      }),
    );
    globalThis.addEventListener?.('online', this.onOnline);
    this.timer = setInterval(() => this.kick(), RETRY_MS);
    this.kick();
  }

  async stop(): Promise<void> {
    this.transferring = false;
    this.watching?.unsubscribe();
    this.watching = null;
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    this.subscriptions = [];
    globalThis.removeEventListener?.('online', this.onOnline);
    if (this.timer) clearInterval(this.timer);
    if (this.incompleteRetry) clearTimeout(this.incompleteRetry);
    this.incompleteRetry = null;
    await this.running;
  }

  /** Asks for the files of an event (e.g. shown in a timeline) the device does not hold. */
  want(event: ComplaintEvent): void {
    if (!this.transferring && this.relay) {
      this.relay.want(event.id);
      return;
    }
    let added = false;
    for (const meta of event.attachments) {
      if (!this.wanted.has(meta.id)) {
        this.wanted.set(meta.id, { meta, event });
        added = true;
      }
    }
    if (added) this.kick();
  }

  /** A request handed over by another window; the event is in the replica they share. */
  async wantById(eventId: string): Promise<void> {
    const document = await this.replica.complaint_events.findOne(eventId).exec();
    if (document) this.want(document.toJSON() as ComplaintEvent);
  }

  kick(): void {
    if (!this.transferring && this.relay) {
      this.relay.kick();
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runOnce()
      .catch((error: unknown) => {
        if (!(error instanceof ApiRequestError && error.kind === 'offline')) {
          this.patch({ problem: error instanceof Error ? error.message : String(error) });
        }
      })
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Resolves when no transfer is running or scheduled (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private patch(change: Partial<AttachmentTransferState>): void {
    this.state$.next({ ...this.state$.value, ...change });
  }

  private async runOnce(): Promise<void> {
    const uploads = await this.replica.attachment_files
      .find({ selector: { state: 'upload' }, sort: [{ createdAt: 'asc' }] })
      .exec();
    for (const document of uploads) {
      await this.upload(document.toJSON() as AttachmentFile);
    }
    let incomplete = false;
    for (const [id, { meta, event }] of [...this.wanted]) {
      const held = await this.replica.attachment_files.findOne(id).exec();
      if (!held && (await this.download(meta, event)) === 'incomplete') {
        incomplete = true;
        continue;
      }
      this.wanted.delete(id);
    }
    if (incomplete && this.transferring && !this.incompleteRetry) {
      this.incompleteRetry = setTimeout(() => {
        this.incompleteRetry = null;
        this.kick();
      }, INCOMPLETE_RETRY_MS);
    }
    this.patch({ problem: null });
  }

  private async upload(file: AttachmentFile): Promise<void> {
    const announced = await this.tokens.withAccessToken(async (token) => {
      const response = await send(`${this.serverUrl}/api/attachments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          id: file.id,
          name: file.name,
          type: file.type,
          size: file.size,
          eventId: file.eventId,
          complaintId: file.complaintId,
        }),
      });
      if (!response.ok) throw await errorFromResponse(response);
      return (await response.json()) as AttachmentUploadState;
    });
    let state = announced;
    if (!state.complete) {
      const document = await this.replica.attachment_files.findOne(file.id).exec();
      const blob = await document?.getAttachment(ATTACHMENT_CONTENT_ID)?.getData();
      if (!blob) throw new Error(`Isi lampiran ${file.name} tidak ada di perangkat ini`);
      while (!state.complete) {
        const offset = state.receivedBytes;
        const chunk = blob.slice(offset, offset + ATTACHMENT_CHUNK_BYTES);
        state = await this.tokens.withAccessToken(async (token) => {
          const response = await send(
            `${this.serverUrl}/api/attachments/${encodeURIComponent(file.id)}/chunks?offset=${offset}`,
            {
              method: 'POST',
              headers: {
                'content-type': 'application/octet-stream',
                authorization: `Bearer ${token}`,
              },
              body: chunk,
            },
          );
          // The server holds a different amount (an earlier chunk arrived after all): resume there.
          if (response.status === 409) return (await response.json()) as AttachmentUploadState;
          if (!response.ok) throw await errorFromResponse(response);
          return (await response.json()) as AttachmentUploadState;
        });
      }
    }
    const stored = await this.replica.attachment_files.findOne(file.id).exec();
    await stored?.incrementalPatch({ state: 'uploaded' });
  }

  /**
   * Fetches a file into the replica, unless its author has not finished uploading it or it is
   * out of reach. Its state is asked first: asking for the content of an unfinished file is
   * answered 404, which the browser reports as a failed load.
   */
  private async download(
    meta: AttachmentMeta,
    event: ComplaintEvent,
  ): Promise<'stored' | 'incomplete' | 'gone'> {
    const url = `${this.serverUrl}/api/attachments/${encodeURIComponent(meta.id)}`;
    const blob = await this.tokens.withAccessToken(async (token) => {
      const headers = { authorization: `Bearer ${token}` };
      const stateResponse = await send(url, { headers });
      if (stateResponse.status === 404) return 'gone' as const;
      if (!stateResponse.ok) throw await errorFromResponse(stateResponse);
      const state = (await stateResponse.json()) as AttachmentUploadState;
      if (!state.complete) return 'incomplete' as const;
      const response = await send(`${url}/content`, { headers });
      if (!response.ok) throw await errorFromResponse(response);
      return response.blob();
    });
    if (typeof blob === 'string') return blob;
    const document = await this.replica.attachment_files.insert({
      ...meta,
      complaintId: event.complaintId,
      eventId: event.id,
      state: 'downloaded',
      createdAt: Date.now(),
    });
    await document.putAttachment({
      id: ATTACHMENT_CONTENT_ID,
      data: new Blob([blob], { type: meta.type }),
      type: meta.type,
    });
    return 'stored';
  }
}
