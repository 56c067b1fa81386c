import { BehaviorSubject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { waitForDrain } from '../../../renderer/src/sync/wait-for-drain.ts';

describe('waitForDrain (before signing out)', () => {
  it('resolves at once with 0 when nothing waits', async () => {
    expect(await waitForDrain(new BehaviorSubject(0), 10_000)).toBe(0);
  });

  it('resolves with 0 as soon as the last edit is sent', async () => {
    const count$ = new BehaviorSubject(3);
    const waiting = waitForDrain(count$, 10_000);
    count$.next(1);
    count$.next(0);
    expect(await waiting).toBe(0);
  });

  it('gives up after the timeout and names how many are left', async () => {
    const count$ = new BehaviorSubject(5);
    const waiting = waitForDrain(count$, 30);
    count$.next(2);
    expect(await waiting).toBe(2);
  });
});
