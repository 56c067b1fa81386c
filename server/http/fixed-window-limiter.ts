/**
 * Counts requests per key in fixed one-minute windows, in this process's memory. Several server
 * processes each keep their own count, so the limit a client meets is per process.
 */
export type FixedWindowLimiter = {
  /** Counts one request for `key`; says whether it is within the limit and when to retry. */
  take(key: string): { allowed: boolean; retryAfterSeconds: number };
};

export function createFixedWindowLimiter(options: {
  max: number;
  windowMs: number;
  now: () => number;
  /** Keys remembered at most; the oldest windows are dropped first. */
  maxKeys?: number;
}): FixedWindowLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    take(key) {
      const now = options.now();
      let window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        windows.delete(key);
        if (windows.size >= maxKeys) {
          const oldest = windows.keys().next().value;
          if (oldest !== undefined) windows.delete(oldest);
        }
        window = { start: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((window.start + options.windowMs - now) / 1000),
      );
      return { allowed: window.count <= options.max, retryAfterSeconds };
    },
  };
}
