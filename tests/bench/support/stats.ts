/** Small statistics over repeated runs; every function refuses an empty list. */

function sorted(values: readonly number[]): number[] {
  if (values.length === 0) throw new Error('no runs to summarise');
  for (const value of values) {
    if (!Number.isFinite(value)) throw new Error(`not a measurement: ${value}`);
  }
  return [...values].sort((a, b) => a - b);
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const ordered = sorted(values);
  const middle = ordered.length >> 1;
  return ordered.length % 2 === 1
    ? (ordered[middle] as number)
    : ((ordered[middle - 1] as number) + (ordered[middle] as number)) / 2;
}

/** The nearest-rank percentile: the smallest value at or above `p` percent of the runs. */
export function percentile(values: readonly number[], p: number): number {
  if (p <= 0 || p > 100) throw new Error(`percentile out of range: ${p}`);
  const ordered = sorted(values);
  const rank = Math.ceil((p / 100) * ordered.length);
  return ordered[Math.max(0, rank - 1)] as number;
}

/** Rounds for the table and the results file: three significant digits, at most two decimals. */
export function round(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const digits = Math.max(0, Math.min(2, 2 - Math.floor(Math.log10(Math.abs(value)))));
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
