/**
 * Public tracking numbers: `PREFIX-YYMM-NNNNN`, the month being the arrival month in the
 * instansi's own time zone and the serial counting up within the prefix.
 */
export function formatTrackingNumber(
  prefix: string,
  receivedAt: number,
  serial: number,
  utcOffsetMinutes: number,
): string {
  const local = new Date(receivedAt + utcOffsetMinutes * 60_000).toISOString();
  return `${prefix}-${local.slice(2, 4)}${local.slice(5, 7)}-${String(serial).padStart(5, '0')}`;
}

/** The prefix of an instansi's tracking numbers: the last word of its short name ("Pemprov Kaltim" → KALTIM). */
export function trackingNumberPrefix(instansiShortName: string): string {
  const words = instansiShortName
    .normalize('NFD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return (words[words.length - 1] ?? 'LAPOR').toUpperCase().slice(0, 12);
}

/** The serial of a tracking number, or null when it does not have the form above. */
export function trackingNumberSerial(trackingNumber: string): number | null {
  const match = /^[A-Z0-9]+-\d{4}-(\d+)$/.exec(trackingNumber);
  return match ? Number(match[1]) : null;
}

/**
 * The largest serial a month's tracking numbers count to (seven digits; a busy city receives
 * about a thousand reports a month). Intake never needs more, and an imported number beyond it
 * is refused, so no stored number can push the next serial out of range.
 */
export const MAX_TRACKING_SERIAL = 9_999_999;

/**
 * Why an imported tracking number is not one this instansi would have issued, or null when it
 * is: its own prefix, the arrival month in its own time zone, a serial of 5 to 7 digits, not 0.
 */
export function trackingNumberRefusal(
  trackingNumber: string,
  instansi: { prefix: string; utcOffsetMinutes: number },
  receivedAt: number,
): string | null {
  const expected = formatTrackingNumber(instansi.prefix, receivedAt, 0, instansi.utcOffsetMinutes);
  const monthPrefix = expected.slice(0, expected.lastIndexOf('-') + 1);
  const shape = `${monthPrefix}NNNNN`;
  if (!/^[A-Z0-9]+-\d{4}-\d+$/.test(trackingNumber))
    return `nomor pelacakan harus berbentuk ${shape}`;
  if (!trackingNumber.startsWith(`${instansi.prefix}-`))
    return `nomor pelacakan harus diawali ${instansi.prefix}- (bentuk ${shape})`;
  if (!trackingNumber.startsWith(monthPrefix))
    return `bulan pada nomor pelacakan tidak sesuai tanggal diterima (seharusnya ${shape})`;
  const serial = trackingNumber.slice(monthPrefix.length);
  if (serial.length < 5 || serial.length > String(MAX_TRACKING_SERIAL).length)
    return `nomor urut harus 5 sampai ${String(MAX_TRACKING_SERIAL).length} angka`;
  if (Number(serial) === 0) return 'nomor urut tidak boleh 0';
  return null;
}

/**
 * The lowest serial of a month not in `taken`, for when the highest in use is already
 * {@link MAX_TRACKING_SERIAL}; null only when every serial is taken.
 */
export function lowestFreeTrackingSerial(taken: Iterable<number>): number | null {
  const used = new Set(taken);
  for (let serial = 1; serial <= MAX_TRACKING_SERIAL; serial += 1) {
    if (!used.has(serial)) return serial;
  }
  return null;
}
