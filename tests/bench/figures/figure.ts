/** One line of the suite's table and results file. */
export type FigureStatus = 'pass' | 'fail' | 'not run' | 'broken';

export type Figure = {
  id: string;
  what: string;
  /** The target as the suite checks it. */
  target: string;
  status: FigureStatus;
  /** The figure itself (median, or the percentile named in `unit`). */
  value?: number;
  unit?: string;
  /** The reference run's figure in the same unit, measured beside it. */
  reference?: number;
  referenceWhat?: string;
  /** value ÷ reference (or the inverse where faster is a smaller number; see `target`). */
  ratio?: number;
  /** Every run's figure, so a reader can see the spread. */
  runs?: number[];
  referenceRuns?: number[];
  details?: Record<string, unknown>;
  /** Why a figure is not run or broken. */
  reason?: string;
};

export function checked(figure: Omit<Figure, 'status'>, meets: boolean): Figure {
  return { ...figure, status: meets ? 'pass' : 'fail' };
}
