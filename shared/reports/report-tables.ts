import type { Channel, ComplaintStatus, ComplaintType } from '../domain/complaint-status.ts';
import type { DeadlineClock } from '../deadline/sla-rules.ts';
import type { RakordaFigures, RakordaRate } from './compute-rakorda-figures.ts';

/** A cell keeps its raw value so spreadsheets get numbers and the page can format them. */
export type ReportCell = string | number | null;
export type ReportColumn = {
  label: string;
  kind: 'text' | 'count' | 'percent' | 'days' | 'date';
  /** Written to CSV and XLSX but left off the printed page (e.g. an OPD's full name). */
  exportOnly?: true;
  /** How the printed cell may wrap: never (tracking numbers, dates), or even inside a long
   * word (free text typed by the public); by default only between words. */
  wrap?: 'never' | 'anywhere';
};
/** A short name printed in a table and what it stands for, listed under the table. */
export type ReportLegendEntry = { term: string; meaning: string };
export type ReportTable = {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Too wide for a portrait page with its words whole: printed on a landscape page. */
  wide?: true;
  legend?: ReportLegendEntry[];
};

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  belum_diverifikasi: 'Belum Diverifikasi',
  ditunda: 'Ditunda',
  didisposisi: 'Terverifikasi, Didisposisi',
  ditindaklanjuti: 'Ditindaklanjuti',
  selesai: 'Selesai',
  diarsipkan: 'Diarsipkan',
  bukan_wewenang: 'Bukan Wewenang',
};
export const TYPE_LABELS: Record<ComplaintType, string> = {
  pengaduan: 'Pengaduan',
  aspirasi: 'Aspirasi',
  permintaan_informasi: 'Permintaan informasi',
};
export const CHANNEL_LABELS: Record<Channel, string> = {
  web: 'Situs web',
  sms: 'SMS 1708',
  aplikasi_mobile: 'Aplikasi seluler',
  media_sosial: 'Media sosial',
  aplikasi_daerah: 'Aplikasi daerah',
};
export const CLOCK_LABELS: Record<DeadlineClock, string> = {
  verifikasi: 'Verifikasi',
  tindak_lanjut: 'Tindak lanjut pertama',
  penyelesaian: 'Penyelesaian',
};
export const ARCHIVE_REASON_LABELS: Record<string, string> = {
  bukan_pelayanan_publik: 'Bukan pelayanan publik',
  tidak_jelas: 'Tidak jelas',
  spam: 'Spam',
  duplikat: 'Duplikat',
  tidak_dilengkapi: 'Tidak dilengkapi pelapor',
  lainnya: 'Lainnya',
  tidak_tercatat: 'Tidak tercatat',
};

const percentOf = (rate: RakordaRate): number | null => rate.percent;

const RESOLVED_LABEL = 'Ditindaklanjuti atau selesai';

/** Short name = full name for each short name printed, in order, once each. */
function legendOf(pairs: readonly { shortName: string; name: string }[]): ReportLegendEntry[] {
  const seen = new Map<string, string>();
  for (const pair of pairs) {
    if (pair.shortName && pair.shortName !== pair.name && !seen.has(pair.shortName))
      seen.set(pair.shortName, pair.name);
  }
  return [...seen].map(([term, meaning]) => ({ term, meaning }));
}

/**
 * Every table of the RAKORDA report as plain rows, in the order printed (the wide one last: it
 * prints as an annex on landscape pages after the signature). The page renders them and the
 * CSV and XLSX exports write them, so the three never disagree.
 */
export function rakordaTables(figures: RakordaFigures): ReportTable[] {
  const status = figures.status;
  const unitsById = new Map(figures.units.map((unit) => [unit.unitId, unit]));
  const overdueUnits = figures.overdue.items
    .filter((item) => item.unitId)
    .map((item) => ({
      shortName: unitsById.get(item.unitId)?.shortName ?? item.unitName,
      name: item.unitName,
    }));
  return [
    {
      id: 'status',
      title: 'Status laporan yang diterima',
      columns: [
        { label: 'Kelompok', kind: 'text' },
        { label: 'Status', kind: 'text' },
        { label: 'Jumlah', kind: 'count' },
      ],
      rows: [
        [
          'Ditindaklanjuti atau selesai',
          STATUS_LABELS.ditindaklanjuti,
          status.byStatus.ditindaklanjuti,
        ],
        ['Ditindaklanjuti atau selesai', STATUS_LABELS.selesai, status.byStatus.selesai],
        ['Dalam proses', STATUS_LABELS.didisposisi, status.byStatus.didisposisi],
        ['Belum diproses', STATUS_LABELS.belum_diverifikasi, status.byStatus.belum_diverifikasi],
        ['Belum diproses', STATUS_LABELS.ditunda, status.byStatus.ditunda],
        ['Di luar basis', STATUS_LABELS.diarsipkan, status.byStatus.diarsipkan],
        ['Di luar basis', STATUS_LABELS.bukan_wewenang, status.byStatus.bukan_wewenang],
        ['Jumlah diterima', '', figures.received.total],
        ['Basis (diterima − diarsipkan − bukan wewenang)', '', status.base],
      ],
    },
    {
      id: 'received',
      title: 'Laporan diterima menurut jenis dan kanal',
      columns: [
        { label: 'Menurut', kind: 'text' },
        { label: 'Uraian', kind: 'text' },
        { label: 'Jumlah', kind: 'count' },
      ],
      rows: [
        ...Object.entries(figures.received.byType).map(([type, count]): ReportCell[] => [
          'Jenis',
          TYPE_LABELS[type as ComplaintType],
          count,
        ]),
        ...Object.entries(figures.received.byChannel).map(([channel, count]): ReportCell[] => [
          'Kanal',
          CHANNEL_LABELS[channel as Channel],
          count,
        ]),
      ],
    },
    {
      id: 'units',
      title: 'Peringkat OPD',
      columns: [
        { label: 'Peringkat', kind: 'count' },
        { label: 'OPD', kind: 'text', wrap: 'never' },
        { label: 'Diterima', kind: 'count' },
        { label: RESOLVED_LABEL, kind: 'count' },
        { label: 'Dalam proses', kind: 'count' },
        { label: 'Tingkat penyelesaian (%)', kind: 'percent' },
        { label: 'Tindak lanjut tepat waktu (%)', kind: 'percent' },
        { label: 'Median waktu respons (hari kerja)', kind: 'days' },
        { label: 'Terlambat', kind: 'count' },
        { label: 'Nama OPD', kind: 'text', exportOnly: true },
      ],
      rows: figures.units.map((unit) => [
        unit.rank,
        unit.shortName,
        unit.received,
        unit.resolved,
        unit.inProcess,
        percentOf(unit.completionRate),
        percentOf(unit.firstFollowUpWithinDeadline),
        unit.medianResponseDays,
        unit.overdue,
        unit.name,
      ]),
      legend: legendOf(figures.units),
    },
    {
      id: 'regencies',
      title: 'Laporan menurut kabupaten/kota',
      columns: [
        { label: 'Kabupaten/kota', kind: 'text' },
        { label: 'Kode', kind: 'text', wrap: 'never' },
        { label: 'Diterima', kind: 'count' },
        { label: RESOLVED_LABEL, kind: 'count' },
        { label: 'Dalam proses', kind: 'count' },
        { label: 'Belum diproses', kind: 'count' },
        { label: 'Tingkat penanganan (%)', kind: 'percent' },
        { label: 'Tingkat penyelesaian (%)', kind: 'percent' },
        { label: 'Terlambat', kind: 'count' },
      ],
      rows: figures.regencies.map((regency) => [
        regency.name,
        regency.regencyCode,
        regency.received,
        regency.resolved,
        regency.inProcess,
        regency.notYetProcessed,
        percentOf(regency.handledRate),
        percentOf(regency.completionRate),
        regency.overdue,
      ]),
    },
    {
      id: 'categories',
      title: 'Kategori terbanyak',
      columns: [
        { label: 'Kategori', kind: 'text' },
        { label: 'Diterima', kind: 'count' },
        { label: RESOLVED_LABEL, kind: 'count' },
        { label: 'Pangsa (%)', kind: 'percent' },
      ],
      rows: figures.categories.map((category) => [
        category.name,
        category.received,
        category.resolved,
        Math.round(category.share * 1000) / 10,
      ]),
    },
    {
      id: 'monthly',
      title: 'Tren bulanan',
      columns: [
        { label: 'Bulan', kind: 'text', wrap: 'never' },
        { label: 'Diterima', kind: 'count' },
        { label: RESOLVED_LABEL, kind: 'count' },
        { label: 'Dalam proses', kind: 'count' },
        { label: 'Belum diproses', kind: 'count' },
        { label: 'Diarsipkan', kind: 'count' },
        { label: 'Bukan wewenang', kind: 'count' },
      ],
      rows: figures.monthly.map((month) => [
        month.month,
        month.received,
        month.resolved,
        month.inProcess,
        month.notYetProcessed,
        month.archived,
        month.bukanWewenang,
      ]),
    },
    {
      id: 'archived',
      title: 'Alasan pengarsipan',
      columns: [
        { label: 'Alasan', kind: 'text' },
        { label: 'Jumlah', kind: 'count' },
      ],
      rows: figures.archivedReasons.map((row) => [
        ARCHIVE_REASON_LABELS[row.reason] ?? row.reason,
        row.count,
      ]),
    },
    {
      id: 'overdue',
      title: 'Laporan terlambat',
      columns: [
        { label: 'No. pelacakan', kind: 'text', wrap: 'never' },
        { label: 'Judul', kind: 'text', wrap: 'anywhere' },
        { label: 'Tahap', kind: 'text' },
        { label: 'OPD', kind: 'text', wrap: 'never' },
        { label: 'Tenggat', kind: 'date', wrap: 'never' },
        { label: 'Terlambat (hari)', kind: 'days' },
        { label: 'Nama OPD', kind: 'text', exportOnly: true },
      ],
      rows: figures.overdue.items.map((item) => [
        item.trackingNumber,
        item.title ?? '(rahasia)',
        CLOCK_LABELS[item.clock],
        item.unitId ? (unitsById.get(item.unitId)?.shortName ?? item.unitName) : '—',
        item.dueAt,
        item.daysOverdue,
        item.unitName || '—',
      ]),
      wide: true,
      legend: legendOf(overdueUnits),
    },
  ];
}
