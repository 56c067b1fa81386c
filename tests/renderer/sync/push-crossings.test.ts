import { describe, expect, it } from 'vitest';
import { PushCrossings } from '../../../renderer/src/sync/push-crossings.ts';

describe('PushCrossings', () => {
  it('names the documents pushed while a pull was on its way, and only those', () => {
    const crossings = new PushCrossings();
    crossings.pushing(['before'])();
    const crossed = crossings.watch();
    crossings.pushing(['during']);
    crossings.unwatch(crossed);
    crossings.pushing(['after']);
    expect([...crossed]).toEqual(['during']);
  });

  it('counts a push still unanswered when the pull starts, until its answer is in', () => {
    const crossings = new PushCrossings();
    const first = crossings.pushing(['c-1', 'c-2']);
    const second = crossings.pushing(['c-2']);
    first();
    expect([...crossings.watch()]).toEqual(['c-2']);
    second();
    expect([...crossings.watch()]).toEqual([]);
  });
});
