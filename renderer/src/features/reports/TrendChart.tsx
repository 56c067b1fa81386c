import type { MonthFigures } from '../../../../shared/reports/compute-rakorda-figures.ts';
import { formatCount, formatMonth } from './report-format.ts';

const LEFT = 40;
const BOTTOM = 36;
const TOP = 12;

/** Received and resolved per month, side by side. */
export function TrendChart({
  months,
  compact = false,
}: {
  months: readonly MonthFigures[];
  /** Shorter, for the page-one brief. */
  compact?: boolean;
}) {
  const width = compact ? 360 : 640;
  const height = compact ? 250 : 220;
  const max = Math.max(1, ...months.map((month) => month.received));
  // A label is about 36 units wide: label every month only where they do not overlap.
  const labelStep = Math.max(1, Math.ceil(months.length / Math.floor((width - LEFT) / 40)));
  const plotHeight = height - TOP - BOTTOM;
  const slot = (width - LEFT - 8) / Math.max(1, months.length);
  const barWidth = Math.max(2, Math.min(22, slot / 2.6));
  const y = (value: number) => TOP + plotHeight - (value / max) * plotHeight;
  const summary = months
    .map(
      (month) =>
        `${formatMonth(month.month)}: ${month.received} diterima, ${month.resolved} ditindaklanjuti atau selesai`,
    )
    .join('; ');
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Tren bulanan. ${summary}`}
    >
      <line
        x1={LEFT}
        x2={width - 4}
        y1={TOP + plotHeight}
        y2={TOP + plotHeight}
        className="chart-axis"
      />
      {[0, 0.5, 1].map((share) => (
        <g key={share}>
          <line
            x1={LEFT}
            x2={width - 4}
            y1={y(max * share)}
            y2={y(max * share)}
            className="chart-grid"
          />
          <text x={LEFT - 6} y={y(max * share) + 4} textAnchor="end" className="chart-label">
            {formatCount(Math.round(max * share))}
          </text>
        </g>
      ))}
      {months.map((month, index) => {
        const x = LEFT + index * slot + slot / 2;
        return (
          <g key={month.month}>
            <rect
              x={x - barWidth}
              y={y(month.received)}
              width={barWidth}
              height={TOP + plotHeight - y(month.received)}
              className="chart-received"
            />
            <rect
              x={x}
              y={y(month.resolved)}
              width={barWidth}
              height={TOP + plotHeight - y(month.resolved)}
              className="chart-resolved"
            />
            {index % labelStep === 0 && (
              <text x={x} y={height - BOTTOM + 14} textAnchor="middle" className="chart-label">
                {formatMonth(month.month, true)}
              </text>
            )}
          </g>
        );
      })}
      <g transform={`translate(${LEFT}, ${height - 10})`} className="chart-legend">
        <rect width="10" height="10" y="-9" className="chart-received" />
        <text x="14">Diterima</text>
        <rect x="90" width="10" height="10" y="-9" className="chart-resolved" />
        <text x="104">Ditindaklanjuti atau selesai</text>
      </g>
    </svg>
  );
}
