import { EventEmitter } from 'node:events';
import type { ReplicatedCollection } from '../../shared/schemas/rx-schemas.ts';

/**
 * Whose live streams must end: every stream of an officer (role, unit or instansi changed,
 * disabled, password reset) or of one session (signed out, refresh token reused).
 */
export type StreamEnd = { officerId: string } | { sessionId: string };

/**
 * Tells open streams that a collection changed (each stream then pulls within its own scope),
 * and that an officer's or a session's streams must end.
 */
export interface ChangeFeed {
  publish(collection: ReplicatedCollection): void;
  subscribe(collection: ReplicatedCollection, listener: () => void): () => void;
  /** Call after the change that ends them has committed, so a reconnect sees it. */
  endStreams(end: StreamEnd): void;
  onStreamsEnd(listener: (end: StreamEnd) => void): () => void;
}

const STREAMS_END = 'streams-end';

export function createInProcessChangeFeed(): ChangeFeed {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(collection) {
      emitter.emit(collection);
    },
    subscribe(collection, listener) {
      emitter.on(collection, listener);
      return () => emitter.off(collection, listener);
    },
    endStreams(end) {
      emitter.emit(STREAMS_END, end);
    },
    onStreamsEnd(listener) {
      emitter.on(STREAMS_END, listener);
      return () => emitter.off(STREAMS_END, listener);
    },
  };
}
