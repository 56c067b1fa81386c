/** How the Dexie storage's advertising notice begins (rxdb/plugins/storage-dexie). */
const NOTICE_START = '-------------- RxDB Open Core RxStorage';

const quieted = new WeakSet<object>();

/**
 * Drops the notice RxDB's free Dexie storage prints once per session recommending its paid
 * storages: officers and support staff read the console for real problems. Every other warning
 * passes as it was. The library itself is left as it is, and so is its premium flag, which
 * would claim a licence this project does not hold.
 */
export function quietStorageNotice(target: Pick<Console, 'warn'> = console): void {
  if (quieted.has(target)) return;
  quieted.add(target);
  const warn = target.warn.bind(target);
  target.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith(NOTICE_START)) return;
    warn(...args);
  };
}
