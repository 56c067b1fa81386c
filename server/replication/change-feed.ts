import { EventEmitter } from 'node:events';
import type { ReplicatedCollection } from '../../shared/schemas/rx-schemas.ts';

/** Tells open streams that a collection changed; each stream then pulls within its own scope. */
export interface ChangeFeed {
  publish(collection: ReplicatedCollection): void;
  subscribe(collection: ReplicatedCollection, listener: () => void): () => void;
}

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
  };
}
