import type { InstansiBriefingRow, RegionalBriefing } from './plan-regional-briefing.ts';
import type { ReportCell, ReportTable } from './report-tables.ts';

const percentOf = (rate: { percent: number | null }) => rate.percent;
const yesNo = (value: boolean) => (value ? 'Ada' : 'Tidak ada');

function cellsOf(
  rank: ReportCell,
  name: string,
  row: Omit<InstansiBriefingRow, 'rank' | 'instansiId' | 'name' | 'shortName'>,
): ReportCell[] {
  return [
    rank,
    name,
    row.received,
    percentOf(row.handledRate),
    percentOf(row.completionRate),
    percentOf(row.verificationWithinDeadline),
    percentOf(row.followUpWithinDeadline),
    row.overdue,
  ];
}

/**
 * The tables of the regional briefing, printed and exported (CSV, XLSX) with the same rows:
 * the instansi compared, then their staffing.
 */
export function regionalBriefingTables(briefing: RegionalBriefing): ReportTable[] {
  const all = [briefing.province, ...briefing.members];
  return [
    {
      id: 'instansi',
      title: 'Perbandingan instansi',
      columns: [
        { label: 'Peringkat', kind: 'text' },
        { label: 'Instansi', kind: 'text' },
        { label: 'Diterima', kind: 'count' },
        { label: 'Tingkat penanganan (%)', kind: 'percent' },
        { label: 'Tingkat penyelesaian (%)', kind: 'percent' },
        { label: 'Verifikasi tepat waktu (%)', kind: 'percent' },
        { label: 'Tindak lanjut tepat waktu (%)', kind: 'percent' },
        { label: 'Terlambat', kind: 'count' },
      ],
      rows: [
        cellsOf('Provinsi', briefing.province.name, briefing.province),
        ...briefing.members.map((row) => cellsOf(row.rank ?? '—', row.name, row)),
        cellsOf('', 'Jumlah wilayah', briefing.total),
      ],
    },
    {
      id: 'staffing',
      title: 'Kelengkapan Tim Pengelola',
      columns: [
        { label: 'Instansi', kind: 'text' },
        { label: 'Admin Instansi aktif', kind: 'text' },
        { label: 'OPD aktif', kind: 'count' },
        { label: 'OPD tanpa penghubung', kind: 'count' },
        { label: 'OPD yang belum memiliki penghubung', kind: 'text' },
      ],
      rows: all.map((row) => [
        row.name,
        yesNo(row.hasActiveAdmin),
        row.activeUnits,
        row.unitsWithoutPenghubung.length,
        row.unitsWithoutPenghubung.join(', ') || '—',
      ]),
    },
  ];
}
