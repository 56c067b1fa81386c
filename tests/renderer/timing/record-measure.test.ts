import { afterEach, describe, expect, it } from 'vitest';
import { recordMeasure } from '../../../renderer/src/timing/record-measure.ts';

afterEach(() => performance.clearMeasures());

describe('recordMeasure', () => {
  it('records a measure with its detail, ending now unless told', () => {
    const start = performance.now();
    recordMeasure('lapor:test', { start, detail: { documents: 3 } });
    const [measure] = performance.getEntriesByName('lapor:test', 'measure');
    expect(measure!.startTime).toBe(start);
    expect((measure as PerformanceMeasure).detail).toEqual({ documents: 3 });
  });

  it('keeps at most the limit of one name, and always the newest', () => {
    for (let index = 0; index < 25; index += 1)
      recordMeasure('lapor:test', { start: 0, detail: index }, 10);
    recordMeasure('lapor:other', { start: 0 }, 10);
    const kept = performance.getEntriesByName('lapor:test', 'measure') as PerformanceMeasure[];
    expect(kept.length).toBeLessThanOrEqual(10);
    expect(kept.at(-1)!.detail).toBe(24);
    expect(performance.getEntriesByName('lapor:other', 'measure')).toHaveLength(1);
  });
});
