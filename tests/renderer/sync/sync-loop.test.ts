import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SyncLoop } from '../../../renderer/src/sync/sync-loop.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SyncLoop', () => {
  it('runs once more for any number of requests made while a run was under way', async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const loop = new SyncLoop(async () => {
      runs += 1;
      if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
    }, 1000);
    loop.request();
    loop.request();
    loop.request();
    release();
    await loop.idle();
    expect(runs).toBe(2);
  });

  it('retries a failed run after the retry time, and is idle only once a run succeeded', async () => {
    let runs = 0;
    const loop = new SyncLoop(async () => {
      runs += 1;
      if (runs === 1) throw new Error('offline');
    }, 1000);
    let idle = false;
    loop.request();
    void loop.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toBe(1);
    expect(idle).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toBe(2);
    expect(idle).toBe(true);
  });

  it('runs nothing while paused, and what was asked for once started again', async () => {
    let runs = 0;
    const loop = new SyncLoop(async () => {
      runs += 1;
    }, 1000);
    loop.pause();
    loop.request();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(0);
    loop.start();
    await loop.idle();
    expect(runs).toBe(1);
  });
});
