export type Bar = {
  label: string;
  value: number;
  text: string;
  tone?: 'good' | 'warn' | 'bad' | 'plain';
};

const WIDTH = 640;
const ROW = 22;
const LABEL_WIDTH = 210;

/** Labelled horizontal bars, one per row, scaled to `max`. */
export function HorizontalBarChart({
  bars,
  max,
  title,
}: {
  bars: readonly Bar[];
  max: number;
  title: string;
}) {
  const height = bars.length * ROW + 8;
  const scale = (WIDTH - LABEL_WIDTH - 120) / Math.max(1, max);
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`${title}. ${bars.map((bar) => `${bar.label}: ${bar.text}`).join('; ')}`}
    >
      {bars.map((bar, index) => (
        <g key={bar.label} transform={`translate(0, ${index * ROW + 4})`}>
          <text x={LABEL_WIDTH - 8} y={14} textAnchor="end" className="chart-label">
            {bar.label.length > 34 ? `${bar.label.slice(0, 33)}…` : bar.label}
          </text>
          <rect
            x={LABEL_WIDTH}
            y={3}
            height={14}
            width={Math.max(1, bar.value * scale)}
            className={`chart-bar tone-${bar.tone ?? 'plain'}`}
          />
          <text x={LABEL_WIDTH + Math.max(1, bar.value * scale) + 6} y={14} className="chart-label">
            {bar.text}
          </text>
        </g>
      ))}
    </svg>
  );
}
