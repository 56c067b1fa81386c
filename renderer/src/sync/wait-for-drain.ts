import type { BehaviorSubject } from 'rxjs';

/** Resolves with the number of edits still waiting once none are left or `timeoutMs` passed. */
export function waitForDrain(count$: BehaviorSubject<number>, timeoutMs: number): Promise<number> {
  if (count$.value === 0) return Promise.resolve(0);
  return new Promise((resolve) => {
    // The subject's first (synchronous) emission is the current, non-zero count.
    const subscription = count$.subscribe((count) => {
      if (count !== 0) return;
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve(0);
    });
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      resolve(count$.value);
    }, timeoutMs);
  });
}
