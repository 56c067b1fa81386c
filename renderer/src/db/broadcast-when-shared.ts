import {
  addRxStorageMultiInstanceSupport,
  getBroadcastChannelReference,
  removeBroadcastChannelReference,
  type RxStorage,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
  type RxStorageMultiInstanceBroadcastType,
} from 'rxdb';
import { windowPresenceOfThisBrowser, type WindowPresence } from './window-presence.ts';

type Channel = Parameters<typeof addRxStorageMultiInstanceSupport>[3] & object;

/** What one open database (one window's replica) shares between its storage instances. */
type Opened = { refs: number; leave: Promise<() => void>; sending: Promise<void> };

/**
 * A storage that tells other windows of the same replica about its writes, as RxDB's
 * multi-instance support does, but only while another window has the replica open.
 *
 * RxDB posts every write, documents and all, on the replica's BroadcastChannel whether or not
 * anyone listens, and the browser copies each message when it is posted: a first sync posted
 * about 2.3 MB per page of 1,000 complaints, 1.9–2.3 s of a 10,000-complaint write on the main
 * thread, for a window that was alone. Here each database marks itself open (`WindowPresence`)
 * before its instances exist, and a write is posted only if, after it was stored, another
 * database of that name is marked open. A window that opens later marked itself before it read
 * anything, so it either reads the write from storage or was marked when it was posted.
 * Posts keep their order, across all instances of the database.
 *
 * Without a way to see other windows (`presence` null) the storage is RxDB's as it is; where
 * the presence cannot be read or marked, every write is posted, as RxDB does.
 */
export function broadcastWhenShared<Internals, Options>(
  storage: RxStorage<Internals, Options>,
  presence: WindowPresence | null = windowPresenceOfThisBrowser(),
): RxStorage<Internals, Options> {
  if (!presence) return storage;
  const createStorageInstance = storage.createStorageInstance.bind(storage);
  const opened = new Map<string, Opened>();

  const join = (params: RxStorageInstanceCreationParams<unknown, Options>): Opened => {
    const token = params.databaseInstanceToken;
    let state = opened.get(token);
    if (!state) {
      state = {
        refs: 0,
        // Not marked (Web Locks refused here): posts then go whenever presence cannot be read.
        leave: presence.enter(params.databaseName, token).catch(() => () => undefined),
        sending: Promise.resolve(),
      };
      opened.set(token, state);
    }
    state.refs += 1;
    return state;
  };
  const part = async (token: string, state: Opened) => {
    state.refs -= 1;
    if (state.refs > 0) return;
    opened.delete(token);
    (await state.leave)();
  };

  return Object.assign(Object.create(storage) as RxStorage<Internals, Options>, {
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, Options>,
    ): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      if (!params.multiInstance) return createStorageInstance<RxDocType>(params);
      const token = params.databaseInstanceToken;
      const state = join(params as RxStorageInstanceCreationParams<unknown, Options>);
      let instance: RxStorageInstance<RxDocType, Internals, Options>;
      try {
        await state.leave;
        instance = await createStorageInstance<RxDocType>({ ...params, multiInstance: false });
      } catch (error) {
        await part(token, state);
        throw error;
      }
      const channel = getBroadcastChannelReference(
        storage.name,
        token,
        params.databaseName,
        instance,
      );
      const gated = {
        postMessage(message: RxStorageMultiInstanceBroadcastType) {
          state.sending = state.sending
            .then(async () => {
              const shared = await presence.othersIn(params.databaseName, token).catch(() => true);
              if (shared) await channel.postMessage(message);
            })
            // A window gone or a channel closed meanwhile: nobody is left to tell.
            .catch(() => undefined);
          return state.sending;
        },
        addEventListener: channel.addEventListener.bind(channel),
        removeEventListener: channel.removeEventListener.bind(channel),
      };
      addRxStorageMultiInstanceSupport(storage.name, params, instance, gated as unknown as Channel);
      for (const method of ['close', 'remove'] as const) {
        const original = instance[method].bind(instance);
        instance[method] = async () => {
          try {
            await original();
          } finally {
            await removeBroadcastChannelReference(token, instance);
            await part(token, state);
          }
        };
      }
      return instance;
    },
  });
}
