import type { DurationFigures, RakordaRate } from './rakorda-figures.ts';

export function rate(numerator: number, denominator: number, formula: string): RakordaRate {
  if (denominator === 0) return { numerator, denominator, value: null, percent: null, formula };
  const value = numerator / denominator;
  return { numerator, denominator, value, percent: Math.round(value * 1000) / 10, formula };
}

/** Nearest-rank percentile of ascending values: the ⌈p·n⌉-th value; null when empty. */
export function nearestRankPercentile(
  sortedAscending: ArrayLike<number>,
  p: number,
): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sortedAscending[rank - 1] ?? null;
}

/** Median and 90th percentile of durations in working days. */
export function summariseDurations(values: number[], missingTimeline: number): DurationFigures {
  const sorted = Float64Array.from(values).sort();
  return {
    unit: 'hari_kerja',
    count: sorted.length,
    median: nearestRankPercentile(sorted, 50),
    p90: nearestRankPercentile(sorted, 90),
    missingTimeline,
  };
}
