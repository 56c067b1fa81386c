/** Measures of one name the page's performance timeline keeps at most. */
export const MEASURES_KEPT = 500;

/**
 * Records a measure on the page's performance timeline (the poor-link bench reads them), keeping
 * at most `kept` of its name: the timeline has no limit of its own, and a window open for days on
 * a dropping link would gather a pull's measure every few seconds. The oldest go together once
 * the limit is reached; an observer still hears every one.
 */
export function recordMeasure(
  name: string,
  options: { start: number; end?: number; detail?: unknown },
  kept = MEASURES_KEPT,
): void {
  if (performance.getEntriesByName(name, 'measure').length >= kept) performance.clearMeasures(name);
  performance.measure(name, {
    start: options.start,
    end: options.end ?? performance.now(),
    ...(options.detail === undefined ? {} : { detail: options.detail }),
  });
}
