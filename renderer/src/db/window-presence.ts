/** Which windows (tabs, Electron windows) of this browser profile have a replica open. */
export type WindowPresence = {
  /**
   * Marks the database `token` of `name` open; resolves once every other window can see the
   * mark, with the function that takes it away.
   */
  enter(name: string, token: string): Promise<() => void>;
  /** Whether a database of `name` other than `token` is marked open now, in any window. */
  othersIn(name: string, token: string): Promise<boolean>;
};

/** The part of the Web Locks API (`navigator.locks`) the presence uses. */
export type Locks = {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ held?: readonly { name?: string }[] }>;
};

const PREFIX = 'lapor-replica-open|';

/**
 * Presence through the Web Locks API: each open database holds a lock of its own, named after
 * the replica and its token, until it leaves; the locks held are visible to every window of the
 * profile, and a window that closes or crashes loses its locks with it.
 */
export function windowPresenceThroughLocks(locks: Locks): WindowPresence {
  const lockName = (name: string, token: string) => `${PREFIX}${name}|${token}`;
  return {
    async enter(name, token) {
      let leave: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (leave = resolve));
      await new Promise<void>((acquired, failed) => {
        locks
          .request(lockName(name, token), () => {
            acquired();
            return held;
          })
          .catch(failed);
      });
      return leave;
    },
    async othersIn(name, token) {
      const own = lockName(name, token);
      const group = `${PREFIX}${name}|`;
      const { held = [] } = await locks.query();
      return held.some((lock) => lock.name?.startsWith(group) && lock.name !== own);
    },
  };
}

/** The presence of this browser's windows, or null where it has no Web Locks (node tests). */
export function windowPresenceOfThisBrowser(): WindowPresence | null {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  return locks ? windowPresenceThroughLocks(locks) : null;
}
