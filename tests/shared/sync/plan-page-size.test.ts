import { describe, expect, it } from 'vitest';
import {
  initialPageSize,
  jsonBudgetOf,
  PAGE_SIZE_LIMITS,
  planPageCut,
  planPageSize,
  type PageOutcome,
} from '../../../shared/sync/plan-page-size.ts';

const run = (outcomes: PageOutcome[]) =>
  outcomes.reduce((state, outcome) => planPageSize(state, outcome), initialPageSize());

describe('planPageSize', () => {
  it('starts at the target of ~256 KB on the wire', () => {
    expect(initialPageSize().wireBytes).toBe(256 * 1024);
    expect(jsonBudgetOf(initialPageSize())).toBe(
      256 * 1024 * PAGE_SIZE_LIMITS.jsonBytesPerWireByte,
    );
  });

  it('shrinks the next page after a cut, and again after another, down to the floor', () => {
    expect(run(['cut']).wireBytes).toBe(64 * 1024);
    expect(run(['cut', 'cut']).wireBytes).toBe(16 * 1024);
    expect(run(['cut', 'cut', 'cut', 'cut']).wireBytes).toBe(PAGE_SIZE_LIMITS.minWireBytes);
  });

  it('doubles back to half the cut size after whole pages, then grows by steps to the target', () => {
    const whole = (count: number): PageOutcome[] => Array<PageOutcome>(count).fill('whole');
    expect(run(['cut', 'whole']).wireBytes).toBe(64 * 1024);
    expect(run(['cut', ...whole(2)]).wireBytes).toBe(128 * 1024);
    expect(run(['cut', ...whole(4)]).wireBytes).toBe(160 * 1024);
    expect(run(['cut', ...whole(6)]).wireBytes).toBe(192 * 1024);
    expect(run(['cut', ...whole(10)]).wireBytes).toBe(256 * 1024);
    expect(run(['cut', ...whole(30)]).wireBytes).toBe(256 * 1024);
    expect(run(whole(4)).wireBytes).toBe(256 * 1024);
  });

  it('keeps pages small on a link that cuts one page in five', () => {
    const cycle: PageOutcome[] = ['cut', 'whole', 'whole', 'whole', 'whole'];
    const sizes = Array.from({ length: 6 }, (_, round) =>
      run(Array.from({ length: round + 1 }, () => cycle).flat()),
    ).map((state) => state.wireBytes);
    // The size the next cut meets: before, each cut's quarter doubled back to the full 256 KB
    // in four whole pages; now it falls towards 64 KB (half of it, plus one step).
    expect(sizes.map((size) => Math.round(size / 1024))).toEqual([160, 112, 88, 76, 70, 67]);
  });

  it('starts counting whole pages afresh after a cut', () => {
    expect(run(['cut', 'whole', 'cut', 'whole']).wireBytes).toBe(16 * 1024);
  });
});

describe('planPageCut', () => {
  it('sends as many leading documents as fit in the byte budget', () => {
    expect(planPageCut([100, 100, 100, 100], 250)).toBe(2);
    expect(planPageCut([100, 100, 100, 100], 10_000)).toBe(4);
  });

  it('sends one document even when it alone is over the budget', () => {
    expect(planPageCut([5000, 10], 1000)).toBe(1);
  });

  it('sends nothing from an empty page', () => {
    expect(planPageCut([], 1000)).toBe(0);
  });
});
