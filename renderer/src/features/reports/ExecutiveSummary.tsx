import type {
  RakordaFigures,
  RakordaRate,
} from '../../../../shared/reports/compute-rakorda-figures.ts';
import { formatCount, formatDays, formatRate } from './report-format.ts';

function Change({
  current,
  previous,
  unit,
}: {
  current: number | null;
  previous: number | null;
  unit: string;
}) {
  if (current === null || previous === null)
    return <span className="summary-change">periode sebelumnya: —</span>;
  const delta = Math.round((current - previous) * 10) / 10;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return (
    <span className="summary-change">
      periode sebelumnya {unit === '%' ? formatDays(previous) : formatCount(previous)}
      {unit} ({sign}
      {unit === '%' ? formatDays(Math.abs(delta)) : formatCount(Math.abs(delta))}
      {unit})
    </span>
  );
}

function RateCard({
  title,
  rate,
  previous,
  testId,
}: {
  title: string;
  rate: RakordaRate;
  previous: RakordaRate;
  testId: string;
}) {
  return (
    <div className="summary-rate" data-testid={testId}>
      <p className="summary-rate-title">{title}</p>
      <p className="summary-rate-value">{formatRate(rate)}</p>
      <p className="summary-rate-formula">
        {rate.formula} = {formatCount(rate.numerator)} ÷ {formatCount(rate.denominator)}
      </p>
      <Change current={rate.percent} previous={previous.percent} unit="%" />
    </div>
  );
}

/** Page one: the numbers a coordinator says out loud in the meeting. */
export function ExecutiveSummary({
  current,
  previous,
}: {
  current: RakordaFigures;
  previous: RakordaFigures;
}) {
  const status = current.status;
  return (
    <section className="report-summary" aria-labelledby="summary-title">
      <h2 id="summary-title">Ringkasan eksekutif</h2>
      <div className="summary-headline">
        <div className="summary-received" data-testid="summary-received">
          <p className="summary-rate-title">Laporan diterima</p>
          <p className="summary-rate-value">{formatCount(current.received.total)}</p>
          <Change current={current.received.total} previous={previous.received.total} unit="" />
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
        />
      </div>
      <table className="summary-facts">
        <tbody>
          <tr>
            <th scope="row">Ditindaklanjuti atau selesai</th>
            <td>{formatCount(status.resolved)}</td>
            <th scope="row">Median waktu verifikasi</th>
            <td>
              {formatDays(current.timeToVerify.median)} hari kerja (P90{' '}
              {formatDays(current.timeToVerify.p90)})
            </td>
          </tr>
          <tr>
            <th scope="row">Dalam proses (didisposisi)</th>
            <td>{formatCount(status.inProcess)}</td>
            <th scope="row">Median waktu tindak lanjut pertama</th>
            <td>
              {formatDays(current.timeToFirstFollowUp.median)} hari kerja (P90{' '}
              {formatDays(current.timeToFirstFollowUp.p90)})
            </td>
          </tr>
          <tr>
            <th scope="row">Belum diproses</th>
            <td>
              {formatCount(status.notYetProcessed)} (ditunda {formatCount(status.onHold)})
            </td>
            <th scope="row">Verifikasi tepat waktu</th>
            <td>{formatRate(current.withinDeadline.verification)}</td>
          </tr>
          <tr>
            <th scope="row">Diarsipkan · bukan wewenang</th>
            <td>
              {formatCount(status.archived)} · {formatCount(status.bukanWewenang)}
            </td>
            <th scope="row">Tindak lanjut tepat waktu</th>
            <td>{formatRate(current.withinDeadline.firstFollowUp)}</td>
          </tr>
          <tr>
            <th scope="row">Basis perhitungan</th>
            <td>{formatCount(status.base)}</td>
            <th scope="row">Laporan terlambat saat ini</th>
            <td>{formatCount(current.overdue.total)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
