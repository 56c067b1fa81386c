import { describe, expect, it } from 'vitest';
import { LiveWriteTurns } from '../../../renderer/src/sync/live-write-turns.ts';

const later = () => {
  let done = () => {};
  const promise = new Promise<void>((resolve) => (done = resolve));
  return { promise, done };
};

describe('LiveWriteTurns', () => {
  it('runs live writes one after another and is idle only once all are done', async () => {
    const turns = new LiveWriteTurns();
    const order: string[] = [];
    const first = later();
    void turns.run(async () => {
      await first.promise;
      order.push('first');
    });
    void turns.run(async () => {
      order.push('second');
    });
    let idle = false;
    const waiting = turns.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    first.done();
    await waiting;
    expect(order).toEqual(['first', 'second']);
  });

  it('keeps going after a failed write, which its caller hears of', async () => {
    const turns = new LiveWriteTurns();
    await expect(turns.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    const written: string[] = [];
    await turns.run(async () => {
      written.push('next');
    });
    await turns.idle();
    expect(written).toEqual(['next']);
  });

  it('writes a page in parts, each after the live writes queued before it', async () => {
    const turns = new LiveWriteTurns();
    const order: string[] = [];
    const live = later();
    await turns.writeInParts([1, 2, 3, 4, 5], 2, async (part) => {
      order.push(`part ${part.join(',')}`);
      // A live change comes while the first part is written, and takes a while.
      if (part[0] === 1)
        void turns.run(async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push('live');
          live.done();
        });
    });
    await live.promise;
    expect(order).toEqual(['part 1,2', 'live', 'part 3,4', 'part 5']);
  });
});
