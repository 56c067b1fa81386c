import type { RakordaReport } from '../../../../shared/reports/compute-rakorda-figures.ts';
import type { ReportTable } from '../../../../shared/reports/report-tables.ts';
import { RAKORDA_DEFINITIONS } from '../../../../shared/reports/rakorda-definitions.ts';
import type { Instansi } from '../../../../shared/schemas/officer.ts';
import type { ReportIdentityForm } from '../../../../shared/schemas/report-identity.ts';
import { formatDateTime } from '../../i18n/translate.ts';
import { ExecutiveSummary } from './ExecutiveSummary.tsx';
import { HorizontalBarChart } from './HorizontalBarChart.tsx';
import {
  formatCount,
  formatLocalDate,
  formatRate,
  REPORT_LANGUAGE,
  scopeText,
} from './report-format.ts';
import { ReportLetterhead } from './ReportLetterhead.tsx';
import { ReportSignature } from './ReportSignature.tsx';
import { ReportTableView } from './ReportTableView.tsx';

type RakordaDocumentProps = {
  report: RakordaReport;
  /** The report's tables, the same rows the CSV and XLSX exports write. */
  tables: readonly ReportTable[];
  instansi: Instansi;
  /** The instansi's letterhead and signatory. */
  identity: ReportIdentityForm;
  unitNames: readonly string[];
};

/**
 * The printable RAKORDA briefing: A4 portrait, letterhead, a one-page brief, charts, tables,
 * definitions, signature; then an annex of the wide tables on landscape pages.
 */
export function RakordaDocument({
  report,
  tables,
  instansi,
  identity,
  unitNames,
}: RakordaDocumentProps) {
  const { current, previous } = report;
  const offset = instansi.utcOffsetMinutes;
  const status = current.status;
  const rankedUnits = current.units.filter((unit) => unit.rank !== null).slice(0, 15);
  const scope = scopeText(current.scope.wholeInstansi, unitNames);
  // Wide tables with rows go last, as an annex on landscape pages: a switch of page size
  // mid-document strands the end of the portrait flow on a nearly empty page.
  const annexed = (table: ReportTable) => table.wide === true && table.rows.length > 0;
  const wideTables = tables.filter(annexed);
  const stamp = (
    <p className="report-stamp">
      Dibuat {formatDateTime(REPORT_LANGUAGE, current.generatedAt, offset)} · Data per sinkronisasi
      terakhir{' '}
      {current.dataAsOf > 0
        ? formatDateTime(REPORT_LANGUAGE, current.dataAsOf, offset)
        : 'belum pernah'}
    </p>
  );
  return (
    <article className="rakorda-document" data-testid="rakorda-document" lang="id">
      <ReportLetterhead identity={identity} />
      <h1 className="report-title">
        Laporan Pengelolaan Pengaduan Pelayanan Publik{' '}
        <span className="wrap-never">(SP4N-LAPOR!)</span>
        <span className="report-subtitle">Bahan Rapat Koordinasi Daerah (RAKORDA)</span>
      </h1>
      <p className="report-period" data-testid="report-period">
        Periode {formatLocalDate(current.period.from)} – {formatLocalDate(current.period.to)} ·{' '}
        {scope}
        <br />
        Pembanding: {formatLocalDate(previous.period.from)} – {formatLocalDate(previous.period.to)}
      </p>
      {stamp}
      <ExecutiveSummary current={current} previous={previous} />

      <section className="report-charts page-break-before" aria-label="Grafik">
        <h2>Grafik</h2>
        <h3>Status laporan yang diterima</h3>
        <HorizontalBarChart
          title="Status laporan"
          max={Math.max(1, current.received.total)}
          bars={[
            {
              label: 'Ditindaklanjuti atau selesai',
              value: status.resolved,
              text: formatCount(status.resolved),
              tone: 'good',
            },
            {
              label: 'Dalam proses',
              value: status.inProcess,
              text: formatCount(status.inProcess),
              tone: 'plain',
            },
            {
              label: 'Belum diproses',
              value: status.notYetProcessed,
              text: formatCount(status.notYetProcessed),
              tone: 'warn',
            },
            {
              label: '…di antaranya ditunda',
              value: status.onHold,
              text: formatCount(status.onHold),
              tone: 'warn',
            },
            {
              label: 'Diarsipkan',
              value: status.archived,
              text: formatCount(status.archived),
              tone: 'bad',
            },
            {
              label: 'Bukan wewenang',
              value: status.bukanWewenang,
              text: formatCount(status.bukanWewenang),
              tone: 'bad',
            },
          ]}
        />
        <h3>Peringkat OPD menurut tingkat penyelesaian</h3>
        {rankedUnits.length === 0 ? (
          <p className="report-note">
            Belum ada laporan yang didisposisikan ke OPD pada periode ini.
          </p>
        ) : (
          <HorizontalBarChart
            title="Peringkat OPD"
            max={100}
            bars={rankedUnits.map((unit) => ({
              label: `${unit.rank}. ${unit.shortName}`,
              value: unit.completionRate.percent ?? 0,
              text: `${formatRate(unit.completionRate)} dari ${formatCount(unit.received)}`,
              tone:
                (unit.completionRate.percent ?? 0) >= 80
                  ? 'good'
                  : (unit.completionRate.percent ?? 0) >= 50
                    ? 'warn'
                    : 'bad',
            }))}
          />
        )}
        <h3>Laporan diterima dan tingkat penanganan menurut kabupaten/kota</h3>
        {current.regencies.length === 0 ? (
          <p className="report-note">Belum ada laporan pada periode ini.</p>
        ) : (
          <HorizontalBarChart
            title="Laporan menurut kabupaten/kota"
            max={Math.max(1, ...current.regencies.map((regency) => regency.received))}
            bars={current.regencies.slice(0, 15).map((regency) => ({
              label: regency.name,
              value: regency.received,
              text: `${formatCount(regency.received)} · ${formatRate(regency.handledRate)}`,
              tone: 'plain',
            }))}
          />
        )}
      </section>

      <section className="report-tables" aria-label="Tabel">
        <h2>Tabel</h2>
        {tables
          .filter((table) => !annexed(table))
          .map((table) => (
            <ReportTableView key={table.id} table={table} utcOffsetMinutes={offset} />
          ))}
      </section>

      <section className="report-definitions" aria-labelledby="definitions-title">
        <h2 id="definitions-title">Definisi dan cara hitung</h2>
        <dl>
          {Object.entries(current.definitions).map(([key, text]) => (
            <div key={key}>
              <dt>{DEFINITION_TITLES[key as keyof typeof RAKORDA_DEFINITIONS]}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <ReportSignature
        identity={identity}
        signedAt={current.generatedAt}
        utcOffsetMinutes={offset}
      />
      {stamp}

      {wideTables.length > 0 && (
        <section className="report-annex report-wide" aria-labelledby="annex-title">
          <h2 id="annex-title">Lampiran</h2>
          {wideTables.map((table) => (
            <ReportTableView
              key={table.id}
              table={table}
              utcOffsetMinutes={offset}
              {...(table.id === 'overdue' && current.overdue.truncated
                ? {
                    note: `Ditampilkan ${formatCount(current.overdue.items.length)} dari ${formatCount(current.overdue.total)} laporan terlambat, yang paling lama lewat tenggat lebih dahulu.`,
                  }
                : {})}
            />
          ))}
        </section>
      )}
    </article>
  );
}

const DEFINITION_TITLES: Record<keyof typeof RAKORDA_DEFINITIONS, string> = {
  periode: 'Periode',
  cakupan: 'Cakupan',
  statusSaatIni: 'Status',
  basis: 'Basis',
  tingkatPenanganan: 'Tingkat penanganan',
  tingkatPenyelesaian: 'Tingkat penyelesaian',
  tingkatSelesai: 'Laporan selesai (ditutup)',
  dibukaKembali: 'Laporan dibuka kembali',
  waktuTindakan: 'Waktu tindakan',
  hariKerja: 'Hari kerja',
  waktuVerifikasi: 'Waktu verifikasi',
  waktuTindakLanjutPertama: 'Waktu tindak lanjut pertama',
  persentil: 'Median dan P90',
  tanpaRiwayat: 'Tanpa riwayat',
  tepatWaktuVerifikasi: 'Verifikasi tepat waktu',
  tepatWaktuTindakLanjut: 'Tindak lanjut tepat waktu',
  terlambat: 'Laporan terlambat',
  peringkatOpd: 'Peringkat OPD',
  wilayah: 'Kabupaten/kota',
  kategori: 'Kategori',
  trenBulanan: 'Tren bulanan',
  alasanArsip: 'Alasan pengarsipan',
  pembanding: 'Periode pembanding',
};
