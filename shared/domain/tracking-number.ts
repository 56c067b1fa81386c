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
