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

  it('grows back to the target after whole pages, never beyond it', () => {
    expect(run(['cut', 'whole']).wireBytes).toBe(64 * 1024);
    expect(run(['cut', 'whole', 'whole']).wireBytes).toBe(128 * 1024);
    expect(run(['cut', 'whole', 'whole', 'whole', 'whole']).wireBytes).toBe(256 * 1024);
    expect(run(['whole', 'whole', 'whole', 'whole']).wireBytes).toBe(256 * 1024);
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
