import type {
  RakordaFigures,
  RakordaRate,
  UnitFigures,
} from '../../../../shared/reports/compute-rakorda-figures.ts';
import { CLOCK_LABELS } from '../../../../shared/reports/report-tables.ts';
import { formatDateTime } from '../../i18n/translate.ts';
import {
  describeChange,
  formatCount,
  formatDays,
  formatRate,
  REPORT_LANGUAGE,
} from './report-format.ts';
import { TrendChart } from './TrendChart.tsx';

/** The change from the comparison period: rates move in percentage points, counts in reports. */
function Change({
  current,
  previous,
  kind,
}: {
  current: number | null;
  previous: number | null;
  kind: 'count' | 'rate';
}) {
  const described = describeChange(current, previous, kind);
  if (!described) return <span className="summary-change">periode sebelumnya: —</span>;
  return (
    <span className="summary-change">
      periode sebelumnya <span className="wrap-never">{described.previous}</span>{' '}
      <span className="wrap-never">{described.change}</span>
    </span>
  );
}

function RateCard({
  title,
  rate,
  previous,
  testId,
  children,
}: {
  title: string;
  rate: RakordaRate;
  previous: RakordaRate;
  testId: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="summary-rate" data-testid={testId}>
      <p className="summary-rate-title">{title}</p>
      <p className="summary-rate-value">{formatRate(rate)}</p>
      <p className="summary-rate-formula">
        {rate.formula} = {formatCount(rate.numerator)} ÷ {formatCount(rate.denominator)}
      </p>
      {children}
      <Change current={rate.percent} previous={previous.percent} kind="rate" />
    </div>
  );
}

function UnitBrief({ title, units }: { title: string; units: readonly UnitFigures[] }) {
  return (
    <div className="summary-units">
      <h3>{title}</h3>
      {units.length === 0 ? (
        <p className="report-note">—</p>
      ) : (
        <table className="report-table summary-unit-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">
                No.
              </th>
              <th scope="col">OPD</th>
              <th scope="col" className="numeric">
                Diterima
              </th>
              <th scope="col" className="numeric">
                Penyelesaian
              </th>
              <th scope="col" className="numeric">
                Terlambat
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((unit) => (
              <tr key={unit.unitId}>
                <td className="numeric">{unit.rank}</td>
                <td className="wrap-never">{unit.shortName}</td>
                <td className="numeric">{formatCount(unit.received)}</td>
                <td className="numeric">{formatRate(unit.completionRate)}</td>
                <td className="numeric">{formatCount(unit.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The three best and (apart from those) the three lowest ranked OPDs. */
export function bestAndWorstUnits(units: readonly UnitFigures[]): {
  best: UnitFigures[];
  worst: UnitFigures[];
} {
  const ranked = units.filter((unit) => unit.rank !== null);
  const best = ranked.slice(0, 3);
  const worst = ranked.slice(Math.max(best.length, ranked.length - 3));
  return { best, worst };
}

/**
 * Page one, the brief a head of region reads: the headline rates with their formulas, the
 * monthly trend, the best and lowest OPDs and what needs attention now.
 */
export function ExecutiveSummary({
  current,
  previous,
}: {
  current: RakordaFigures;
  previous: RakordaFigures;
}) {
  const status = current.status;
  const overdue = current.overdue;
  const oldest = overdue.items[0];
  const unitsById = new Map(current.units.map((unit) => [unit.unitId, unit]));
  const { best, worst } = bestAndWorstUnits(current.units);
  const legend = [...best, ...worst].filter((unit) => unit.shortName !== unit.name);
  return (
    <section className="report-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Ringkasan eksekutif</h2>
      <div className="summary-headline">
        <div className="summary-received" data-testid="summary-received">
          <p className="summary-rate-title">Laporan diterima</p>
          <p className="summary-rate-value">{formatCount(current.received.total)}</p>
          <p className="summary-rate-formula">
            basis perhitungan {formatCount(status.base)} = diterima − diarsipkan (
            {formatCount(status.archived)}) − bukan wewenang ({formatCount(status.bukanWewenang)})
          </p>
          <Change
            current={current.received.total}
            previous={previous.received.total}
            kind="count"
          />
        </div>
        <RateCard
          title="Tingkat penanganan"
          rate={current.rates.handled}
          previous={previous.rates.handled}
          testId="summary-handled"
        />
        <RateCard
          title="Tingkat penyelesaian"
          rate={current.rates.completion}
          previous={previous.rates.completion}
          testId="summary-completion"
        >
          <p className="summary-closed" data-testid="summary-closed">
            di antaranya selesai (ditutup):{' '}
            <strong className="wrap-never">{formatRate(current.rates.closed)}</strong> ={' '}
            {formatCount(current.rates.closed.numerator)} ÷{' '}
            {formatCount(current.rates.closed.denominator)}
          </p>
        </RateCard>
      </div>

      <div className="summary-brief">
        <div>
          <h3>Tren bulanan</h3>
          <TrendChart months={current.monthly} compact />
        </div>
        <div className="summary-attention" data-testid="summary-attention">
          <h3>Perlu perhatian</h3>
          <ul>
            <li>
              <strong>{formatCount(overdue.total)}</strong> laporan lewat tenggat saat ini
              (verifikasi {formatCount(overdue.byClock.verifikasi)} · tindak lanjut pertama{' '}
              {formatCount(overdue.byClock.tindak_lanjut)} · penyelesaian{' '}
              {formatCount(overdue.byClock.penyelesaian)}).
            </li>
            {oldest && (
              <li data-testid="summary-oldest">
                Paling lama menunggu: <span className="wrap-never">{oldest.trackingNumber}</span>,{' '}
                {oldest.unitId
                  ? (unitsById.get(oldest.unitId)?.shortName ?? oldest.unitName)
                  : 'belum didisposisikan'}
                , tahap {CLOCK_LABELS[oldest.clock].toLowerCase()},{' '}
                <strong>
                  {formatCount(oldest.daysOverdue)} hari
                  {oldest.counting === 'working' ? ' kerja' : ''}
                </strong>{' '}
                lewat tenggat (
                {formatDateTime(REPORT_LANGUAGE, oldest.dueAt, current.utcOffsetMinutes)}).
              </li>
            )}
            <li>
              Belum diproses: <strong>{formatCount(status.notYetProcessed)}</strong> (di antaranya
              ditunda {formatCount(status.onHold)}); dalam proses di OPD:{' '}
              {formatCount(status.inProcess)}.
            </li>
            <li>
              Verifikasi tepat waktu {formatRate(current.withinDeadline.verification)}; tindak
              lanjut pertama tepat waktu {formatRate(current.withinDeadline.firstFollowUp)}.
            </li>
            <li>
              Median waktu verifikasi {formatDays(current.timeToVerify.median)} hari kerja (P90{' '}
              {formatDays(current.timeToVerify.p90)}); median tindak lanjut pertama{' '}
              {formatDays(current.timeToFirstFollowUp.median)} hari kerja (P90{' '}
              {formatDays(current.timeToFirstFollowUp.p90)}).
            </li>
          </ul>
        </div>
      </div>

      <div className="summary-unit-pair">
        <UnitBrief title="OPD terbaik" units={best} />
        <UnitBrief title="OPD terendah" units={worst} />
      </div>
      {legend.length > 0 && (
        <p className="report-legend">
          {legend.map((unit) => `${unit.shortName} = ${unit.name}`).join('; ')}.
        </p>
      )}
    </section>
  );
}
