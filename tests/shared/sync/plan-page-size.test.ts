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

  it('halves the next page after a cut, and again after another, down to the floor', () => {
    expect(run(['cut']).wireBytes).toBe(128 * 1024);
    expect(run(['cut', 'cut']).wireBytes).toBe(64 * 1024);
    expect(run(Array<PageOutcome>(6).fill('cut')).wireBytes).toBe(PAGE_SIZE_LIMITS.minWireBytes);
  });

  it('grows back by a step per whole page to the target, never beyond it', () => {
    const whole = (count: number): PageOutcome[] => Array<PageOutcome>(count).fill('whole');
    expect(run(['cut', ...whole(1)]).wireBytes).toBe(144 * 1024);
    expect(run(['cut', ...whole(4)]).wireBytes).toBe(192 * 1024);
    expect(run(['cut', ...whole(8)]).wireBytes).toBe(256 * 1024);
    expect(run(['cut', ...whole(30)]).wireBytes).toBe(256 * 1024);
    expect(run(whole(4)).wireBytes).toBe(256 * 1024);
  });

  it('keeps the page a cut meets near the size of the pages before it', () => {
    // A link cutting one answer in five: the sizes settle where four steps make up a halving.
    const cycle: PageOutcome[] = ['cut', 'whole', 'whole', 'whole', 'whole'];
    let state = initialPageSize();
    const sizes: number[][] = [];
    for (let round = 0; round < 8; round += 1) {
      const seen: number[] = [];
      for (const outcome of cycle) {
        seen.push(state.wireBytes / 1024);
        state = planPageSize(state, outcome);
      }
      sizes.push(seen);
    }
    // Before, a cut quartered the page and two whole pages doubled it: 64, 64, 128, 128, then
    // the cut met 256, four times the smallest page of its round.
    expect(sizes.at(-1)!.map(Math.floor)).toEqual([129, 64, 80, 96, 112]);
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
