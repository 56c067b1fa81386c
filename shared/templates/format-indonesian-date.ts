import { localDateOf } from '../deadline/working-calendar.ts';

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** `23 November 2026`: the local date of an instant in the instansi's offset, in Indonesian. */
export function formatIndonesianLongDate(epochMs: number, utcOffsetMinutes: number): string {
  const [year, month, day] = localDateOf(epochMs, utcOffsetMinutes).split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}
