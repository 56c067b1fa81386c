import { BehaviorSubject, Observable } from 'rxjs';
import { createParser } from 'eventsource-parser';
import type { RxReplicationPullStreamItem } from 'rxdb';
import { STREAM_RESYNC, type ReplicationCheckpoint } from '../../../shared/api/contract.ts';
import { ApiRequestError } from '../api/api-client.ts';
import type { AccessTokenProvider } from '../api/access-token-provider.ts';

export type StreamConnection = 'connecting' | 'connected' | 'disconnected';

const MAX_BACKOFF_MS = 30_000;

/**
 * The server's Server-Sent Events of one collection as RxDB's `stream$`. Uses fetch (EventSource
 * cannot send the Authorization header), reconnects with backoff, reconnects at once when the
 * browser comes back online, and emits RESYNC on every connect so RxDB pulls what it missed.
 */
export function createPullStream<T>(options: {
  url: string;
  tokens: AccessTokenProvider;
  connection$: BehaviorSubject<StreamConnection>;
}): Observable<RxReplicationPullStreamItem<T, ReplicationCheckpoint>> {
  return new Observable((subscriber) => {
    let stopped = false;
    let controller: AbortController | null = null;
    let wakeUp: (() => void) | null = null;
    let backoffMs = 1000;

    const onOnline = () => wakeUp?.();
    // An open stream may outlive a dropped link for minutes; treat the OS's word as final.
    const onOffline = () => controller?.abort();
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);

    function sleep(ms: number): Promise<void> {
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = null;
          resolve();
        }
        wakeUp = done;
      });
    }

    async function connectOnce(): Promise<void> {
      controller = new AbortController();
      const signal = controller.signal;
      const response = await options.tokens.withAccessToken(async (token) => {
        const result = await fetch(options.url, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal,
        }).catch((error: unknown) => {
          throw new ApiRequestError('offline', 0, 'network', String(error));
        });
        if (result.status === 401)
          throw new ApiRequestError('unauthenticated', 401, 'session_expired', 'session expired');
        if (!result.ok || !result.body)
          throw new ApiRequestError('server', result.status, 'stream', result.statusText);
        return result;
      });
      options.connection$.next('connected');
      backoffMs = 1000;
      subscriber.next(STREAM_RESYNC);
      const parser = createParser({
        onEvent(event) {
          subscriber.next(
            JSON.parse(event.data) as RxReplicationPullStreamItem<T, ReplicationCheckpoint>,
          );
        },
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    }

    async function run(): Promise<void> {
      while (!stopped) {
        if (options.connection$.value !== 'connected') options.connection$.next('connecting');
        try {
          await connectOnce();
        } catch {
          // Falls through to reconnect: offline, server restart or session renewal.
        }
        if (stopped) return;
        options.connection$.next('disconnected');
        await sleep(navigator.onLine ? backoffMs : MAX_BACKOFF_MS);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
    }

    void run();
    return () => {
      stopped = true;
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      controller?.abort();
      wakeUp?.();
    };
  });
}
