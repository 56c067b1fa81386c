import type { Figure } from '../figures/figure.ts';

const COLUMNS = ['id', 'figure', 'reference', 'ratio', 'target', 'status'] as const;

function cells(figure: Figure): Record<(typeof COLUMNS)[number], string> {
  const value = figure.value === undefined ? '—' : `${figure.value} ${figure.unit ?? ''}`.trim();
  const reference = figure.reference === undefined ? '—' : `${figure.reference}`;
  return {
    id: figure.id,
    figure: value,
    reference,
    ratio: figure.ratio === undefined ? '—' : String(figure.ratio),
    target: figure.target,
    status: figure.reason
      ? `${figure.status}: ${figure.reason.split('\n')[0]?.slice(0, 80)}`
      : figure.status,
  };
}

/** The figures as a plain-text table, one line each. */
export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map(cells);
  const widths = COLUMNS.map((column) =>
    Math.max(column.length, ...rows.map((row) => row[column].length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => value.padEnd(widths[index] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => row[column]))),
  ].join('\n');
}
