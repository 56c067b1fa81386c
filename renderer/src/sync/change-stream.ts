import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { createParser } from 'eventsource-parser';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { STREAM_RESYNC, type ReplicationCheckpoint } from '../../../shared/api/contract.ts';
import type { ReplicatedCollection } from '../../../shared/schemas/rx-schemas.ts';
import { ApiRequestError, send } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';

export type StreamConnection = 'connecting' | 'connected' | 'disconnected';

type StreamItem = RxReplicationPullStreamItem<unknown, ReplicationCheckpoint>;

const MAX_BACKOFF_MS = 30_000;

/**
 * One Server-Sent Events connection carrying the live changes of every collection (browsers
 * allow six connections per server, so one per collection would starve pulls and pushes). Uses
 * fetch, since EventSource cannot send the Authorization header; reconnects with backoff, at
 * once when the browser comes back online, and emits RESYNC to every collection on each connect
 * so RxDB pulls whatever it missed.
 */
export class ChangeStream {
  readonly connection$ = new BehaviorSubject<StreamConnection>('connecting');
  private readonly subjects = new Map<ReplicatedCollection, Subject<StreamItem>>();
  private readonly url: string;
  private readonly tokens: AccessTokenProvider;
  private stopped = true;
  private controller: AbortController | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly onOnline = () => this.wakeUp?.();
  // An open stream may outlive a dropped link for minutes; trust the OS's word and reconnect.
  private readonly onOffline = () => this.controller?.abort();

  constructor(url: string, tokens: AccessTokenProvider) {
    this.url = url;
    this.tokens = tokens;
  }

  streamFor<T>(
    collection: ReplicatedCollection,
  ): Observable<RxReplicationPullStreamItem<T, ReplicationCheckpoint>> {
    let subject = this.subjects.get(collection);
    if (!subject) {
      subject = new Subject<StreamItem>();
      this.subjects.set(collection, subject);
    }
    return subject.asObservable() as Observable<
      RxReplicationPullStreamItem<T, ReplicationCheckpoint>
    >;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.controller?.abort();
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    let backoffMs = 1000;
    while (!this.stopped) {
      if (this.connection$.value !== 'connected') this.connection$.next('connecting');
      try {
        await this.connectOnce(() => {
          backoffMs = 1000;
        });
      } catch {
        // Offline, server restart or session renewal: reconnect below.
      }
      if (this.stopped) return;
      this.connection$.next('disconnected');
      await this.sleep(navigator.onLine ? backoffMs : MAX_BACKOFF_MS);
      backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  private async connectOnce(onConnected: () => void): Promise<void> {
    this.controller = new AbortController();
    const signal = this.controller.signal;
    const response = await this.tokens.withAccessToken(async (token) => {
      const result = await send(this.url, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal,
      });
      if (result.status === 401)
        throw new ApiRequestError('unauthenticated', 401, 'session_expired', 'session expired');
      if (!result.ok || !result.body)
        throw new ApiRequestError('server', result.status, 'stream', result.statusText);
      return result;
    });
    this.connection$.next('connected');
    onConnected();
    for (const subject of this.subjects.values()) subject.next(STREAM_RESYNC);
    const parser = createParser({
      onEvent: (event) => {
        const subject = this.subjects.get(event.event as ReplicatedCollection);
        subject?.next(JSON.parse(event.data) as StreamItem);
      },
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.feed(value);
    }
  }
}
