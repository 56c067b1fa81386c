import { MESSAGES_ID, type MessageKey } from './messages-id.ts';
import { MESSAGES_EN } from './messages-en.ts';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const CATALOGUES: Record<Language, Record<MessageKey, string>> = {
  id: MESSAGES_ID,
  en: MESSAGES_EN,
};

export type MessageParams = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGUES[language][key];
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(language, value) : value;
  });
}

const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Formatters are built once per language and zone: building one costs far more than using it,
 * and a queue render formats a number and a date on every visible row and filter choice.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  build: () => T,
): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = build();
    formatters.set(key, found);
  }
  return found;
}

export function formatNumber(language: Language, value: number): string {
  return formatter(`number:${language}`, () => new Intl.NumberFormat(LOCALES[language])).format(
    value,
  );
}

/** IANA zone of each Indonesian time zone offset (no daylight saving in Indonesia). */
const ZONE_BY_OFFSET: Record<number, { zone: string; label: string }> = {
  420: { zone: 'Asia/Jakarta', label: 'WIB' },
  480: { zone: 'Asia/Makassar', label: 'WITA' },
  540: { zone: 'Asia/Jayapura', label: 'WIT' },
};

export function timeZoneOf(utcOffsetMinutes: number): { zone: string; label: string } {
  return ZONE_BY_OFFSET[utcOffsetMinutes] ?? { zone: 'Asia/Jakarta', label: 'WIB' };
}

/** `23 Nov 2026` in the instansi's zone. */
export function formatDate(language: Language, epochMs: number, utcOffsetMinutes: number): string {
  const zone = timeZoneOf(utcOffsetMinutes).zone;
  return formatter(
    `date:${language}:${zone}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: zone,
      }),
  ).format(epochMs);
}

/** `23 Nov 2026 14.05 WITA` in the instansi's zone. */
export function formatDateTime(
  language: Language,
  epochMs: number,
  utcOffsetMinutes: number,
): string {
  const zone = timeZoneOf(utcOffsetMinutes);
  const text = formatter(
    `datetime:${language}:${zone.zone}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone.zone,
      }),
  ).format(epochMs);
  return `${text} ${zone.label}`;
}
