import type { Complaint } from '../schemas/complaint.ts';
import { formatIndonesianLongDate } from './format-indonesian-date.ts';

/** Placeholders a response template may use, in the order the editor lists them. */
export const TEMPLATE_PLACEHOLDERS = [
  'nomor_tiket',
  'nama_pelapor',
  'opd',
  'judul',
  'tanggal_diterima',
  'tanggal_hari_ini',
  'batas_waktu',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Written in place of the reporter's name whenever it may not or cannot be shown. */
export const ANONYMOUS_REPORTER_NAME = 'Pelapor';
/** Written for `{batas_waktu}` when no clock runs. */
export const NO_DEADLINE_TEXT = '-';

export type ResponseTemplateContext = {
  complaint: Pick<
    Complaint,
    'trackingNumber' | 'title' | 'receivedAt' | 'dueAt' | 'anonim' | 'rahasia' | 'reporter'
  >;
  /** Name of the OPD the complaint is disposed to; empty when none. */
  unitName: string;
  now: number;
  /** The instansi's offset from UTC (WIB 420, WITA 480, WIT 540): dates are its local dates. */
  utcOffsetMinutes: number;
};

export type RenderedTemplate = {
  text: string;
  /** Names inside braces that are not placeholders, each once, in order of appearance. */
  unknownPlaceholders: string[];
};

const PLACEHOLDER_PATTERN = /\{([A-Za-z0-9_]+)\}/g;

function isPlaceholder(name: string): name is TemplatePlaceholder {
  return (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name);
}

/**
 * The reporter's name only where this replica holds it and the complaint is neither anonim nor
 * rahasia; "Pelapor" otherwise, so a response never discloses a protected identity.
 */
function reporterName(complaint: ResponseTemplateContext['complaint']): string {
  const name = complaint.reporter?.name.trim() ?? '';
  if (complaint.anonim || complaint.rahasia || name === '') return ANONYMOUS_REPORTER_NAME;
  return name;
}

function valuesFor(context: ResponseTemplateContext): Record<TemplatePlaceholder, string> {
  const { complaint, utcOffsetMinutes } = context;
  return {
    nomor_tiket: complaint.trackingNumber,
    nama_pelapor: reporterName(complaint),
    opd: context.unitName.trim() || '-',
    judul: complaint.title,
    tanggal_diterima: formatIndonesianLongDate(complaint.receivedAt, utcOffsetMinutes),
    tanggal_hari_ini: formatIndonesianLongDate(context.now, utcOffsetMinutes),
    batas_waktu:
      complaint.dueAt > 0
        ? formatIndonesianLongDate(complaint.dueAt, utcOffsetMinutes)
        : NO_DEADLINE_TEXT,
  };
}

/**
 * Fills a template's placeholders for one complaint. Unknown names in braces stay as written
 * and are reported, so the editor can warn before the text reaches a reporter. Values are
 * inserted literally (a value containing `$&` or braces is not interpreted).
 */
export function renderResponseTemplate(
  body: string,
  context: ResponseTemplateContext,
): RenderedTemplate {
  const values = valuesFor(context);
  const unknown = new Set<string>();
  const text = body.replace(PLACEHOLDER_PATTERN, (match, name: string) => {
    if (isPlaceholder(name)) return values[name];
    unknown.add(name);
    return match;
  });
  return { text, unknownPlaceholders: [...unknown] };
}

/** Names in braces that are not placeholders, without rendering (for the admin's editor). */
export function findUnknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER_PATTERN)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name)) unknown.add(name);
  }
  return [...unknown];
}

/** Every placeholder as it is written in a template, for the editor's help. */
export function listTemplatePlaceholders(): { name: TemplatePlaceholder; token: string }[] {
  return TEMPLATE_PLACEHOLDERS.map((name) => ({ name, token: `{${name}}` }));
}
