import type { MessageKey } from '../../i18n/messages-id.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Details that are internal bookkeeping or shown elsewhere in the row (the tracking number). */
const HIDDEN = new Set(['seq', 'complaintId', 'trackingNumber', 'sessionId', 'apiKeyId']);

const FIELDS = [
  'status',
  'priority',
  'unitId',
  'categoryId',
  'duplicateOf',
  'anonim',
  'rahasia',
  'resolvedAt',
] as const;

function isField(name: string): name is (typeof FIELDS)[number] {
  return (FIELDS as readonly string[]).includes(name);
}

/**
 * An entry's details in words for the audit page: which fields changed by their names, the
 * reason, the kind; change numbers and ids left out. Never identity (the server writes none).
 */
export function describeAuditDetails(details: Record<string, unknown>, t: Translate): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (HIDDEN.has(key)) continue;
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    if (key === 'fields') {
      const names = list.map((name) => (isField(name) ? t(`audit.field.${name}`) : name));
      parts.push(t('audit.detail.fields', { fields: names.join(', ') }));
    } else if (key === 'reason') {
      parts.push(t('audit.detail.reason', { reason: list.join(', ') }));
    } else {
      parts.push(`${key}: ${list.join(', ')}`);
    }
  }
  return parts.join(' · ');
}
