/**
 * Calls back once the process that started this one has gone. `npm start` runs its script through
 * `sh -c`; a SIGTERM to npm ends that shell, which does not pass the signal on, so the script
 * would keep running (and keep the port) unless it notices that it was orphaned.
 */
export function onParentExit(callback: () => void, intervalMs = 1000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      callback();
    }
  }, intervalMs);
  timer.unref();
}
