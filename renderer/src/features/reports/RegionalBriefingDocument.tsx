import type { RegionalBriefing } from '../../../../shared/reports/plan-regional-briefing.ts';
import type { ReportTable } from '../../../../shared/reports/report-tables.ts';
import {
  COMPLETION_RATE_FORMULA,
  FOLLOW_UP_WITHIN_DEADLINE_FORMULA,
  HANDLED_RATE_FORMULA,
  VERIFICATION_WITHIN_DEADLINE_FORMULA,
} from '../../../../shared/reports/rakorda-definitions.ts';
import type { Instansi } from '../../../../shared/schemas/officer.ts';
import type { ReportIdentityForm } from '../../../../shared/schemas/report-identity.ts';
import { formatDateTime } from '../../i18n/translate.ts';
import { HorizontalBarChart } from './HorizontalBarChart.tsx';
import { formatCount, formatLocalDate, formatRate, REPORT_LANGUAGE } from './report-format.ts';
import { ReportTableView } from './ReportTableView.tsx';
import { ReportLetterhead } from './ReportLetterhead.tsx';
import { ReportSignature } from './ReportSignature.tsx';

/**
 * The printable regional briefing: the province's figures and its kabupaten/kota compared, on
 * A4 in the same form as the RAKORDA report (letterhead, brief, chart, tables, signature).
 */
export function RegionalBriefingDocument({
  briefing,
  tables,
  instansi,
  identity,
}: {
  briefing: RegionalBriefing;
  tables: readonly ReportTable[];
  instansi: Instansi;
  identity: ReportIdentityForm;
}) {
  const offset = instansi.utcOffsetMinutes;
  const { province, members, total } = briefing;
  const unstaffed = [province, ...members].filter((row) => !row.staffed);
  return (
    <article className="rakorda-document" data-testid="regional-document" lang="id">
      <ReportLetterhead identity={identity} />
      <h1 className="report-title">
        Perbandingan Pengelolaan Pengaduan Antarinstansi{' '}
        <span className="wrap-never">(SP4N-LAPOR!)</span>
        <span className="report-subtitle">Bahan Rapat Koordinasi Daerah (RAKORDA) Wilayah</span>
      </h1>
      <p className="report-period" data-testid="regional-period">
        Periode {formatLocalDate(briefing.period.from)} – {formatLocalDate(briefing.period.to)} ·{' '}
        {formatCount(members.length + 1)} instansi
      </p>
      <p className="report-stamp">
        Dibuat {formatDateTime(REPORT_LANGUAGE, briefing.generatedAt, offset)} · Data server pada
        saat itu
      </p>
      <section className="report-summary" aria-label="Ringkasan">
        <h2>Ringkasan</h2>
        <ul>
          <li>
            Seluruh wilayah menerima {formatCount(total.received)} laporan; tingkat penanganan{' '}
            {formatRate(total.handledRate)}, tingkat penyelesaian {formatRate(total.completionRate)}
            , {formatCount(total.overdue)} laporan terlambat.
          </li>
          <li>
            {province.name}: {formatCount(province.received)} laporan, penanganan{' '}
            {formatRate(province.handledRate)}, penyelesaian {formatRate(province.completionRate)}.
          </li>
          {members[0]?.rank === 1 && (
            <li>
              Tingkat penyelesaian tertinggi: {members[0].name} (
              {formatRate(members[0].completionRate)}).
            </li>
          )}
          <li>
            {unstaffed.length === 0
              ? 'Semua instansi memiliki Admin Instansi aktif dan penghubung untuk setiap OPD aktif.'
              : `${formatCount(unstaffed.length)} instansi belum lengkap Tim Pengelolanya (Admin Instansi aktif dan penghubung setiap OPD aktif): ${unstaffed.map((row) => row.shortName).join(', ')}. Mohon SK Tim Pengelola SP4N-LAPOR! diterbitkan atau diperbarui.`}
          </li>
        </ul>
      </section>

      {/* Short enough to share page one with the summary: the brief is the first page. */}
      <section className="report-charts" aria-label="Grafik">
        <h2>Grafik</h2>
        <h3>Tingkat penyelesaian per instansi</h3>
        <HorizontalBarChart
          title="Tingkat penyelesaian per instansi"
          max={100}
          bars={[province, ...members].map((row) => ({
            label: row.rank ? `${row.rank}. ${row.shortName}` : row.shortName,
            value: row.completionRate.percent ?? 0,
            text: `${formatRate(row.completionRate)} dari ${formatCount(row.received)}`,
            tone:
              (row.completionRate.percent ?? 0) >= 80
                ? 'good'
                : (row.completionRate.percent ?? 0) >= 50
                  ? 'warn'
                  : 'bad',
          }))}
        />
      </section>

      <section className="report-tables" aria-label="Tabel">
        <h2>Tabel</h2>
        {tables.map((table) => (
          <ReportTableView key={table.id} table={table} utcOffsetMinutes={offset} />
        ))}
      </section>

      <section
        className="report-definitions page-break-before"
        aria-labelledby="regional-definitions"
      >
        <h2 id="regional-definitions">Definisi dan cara hitung</h2>
        <dl>
          <div>
            <dt>Cakupan</dt>
            <dd>
              Instansi penyelenggara dan kabupaten/kota yang tercatat di bawahnya pada server ini.
              Angka setiap instansi dihitung dengan cara yang sama dengan laporan RAKORDA instansi
              itu sendiri, atas laporan yang diterima dalam periode.
            </dd>
          </div>
          <div>
            <dt>Tingkat penanganan</dt>
            <dd>{HANDLED_RATE_FORMULA}</dd>
          </div>
          <div>
            <dt>Tingkat penyelesaian</dt>
            <dd>{COMPLETION_RATE_FORMULA}</dd>
          </div>
          <div>
            <dt>Verifikasi tepat waktu</dt>
            <dd>{VERIFICATION_WITHIN_DEADLINE_FORMULA}</dd>
          </div>
          <div>
            <dt>Tindak lanjut tepat waktu</dt>
            <dd>{FOLLOW_UP_WITHIN_DEADLINE_FORMULA}</dd>
          </div>
          <div>
            <dt>Peringkat</dt>
            <dd>
              Kabupaten/kota diurutkan menurut tingkat penyelesaian tertinggi, lalu laporan
              terlambat paling sedikit, lalu jumlah laporan terbanyak, lalu nama; instansi tanpa
              laporan tidak diberi peringkat. Jumlah wilayah menjumlahkan angka semua instansi.
            </dd>
          </div>
          <div>
            <dt>Kelengkapan Tim Pengelola</dt>
            <dd>
              Lengkap bila instansi memiliki Admin Instansi aktif dan setiap OPD aktif memiliki
              pejabat penghubung aktif.
            </dd>
          </div>
        </dl>
      </section>

      <ReportSignature
        identity={identity}
        signedAt={briefing.generatedAt}
        utcOffsetMinutes={offset}
      />
    </article>
  );
}
