/** The audit page's filters as typed by the admin. Dates are days in the instansi's zone. */
export type AuditFilter = {
  action: string;
  officer: string;
  fromDate: string;
  toDate: string;
};

export const EMPTY_AUDIT_FILTER: AuditFilter = {
  action: '',
  officer: '',
  fromDate: '',
  toDate: '',
};

function offsetText(utcOffsetMinutes: number): string {
  const sign = utcOffsetMinutes >= 0 ? '+' : '-';
  const abs = Math.abs(utcOffsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Query parameters of GET /api/admin/audit for the filter: a `from` day starts at 00:00 and a
 * `to` day ends at 23:59:59.999 in the instansi's zone, so "23 Nov" means that day in WITA.
 */
export function auditQueryParams(
  filter: AuditFilter,
  utcOffsetMinutes: number,
  page: { limit: number; before?: number | null },
): URLSearchParams {
  const params = new URLSearchParams({ limit: String(page.limit) });
  const zone = offsetText(utcOffsetMinutes);
  if (filter.action) params.set('action', filter.action);
  if (filter.officer.trim()) params.set('officer', filter.officer.trim());
  if (/^\d{4}-\d{2}-\d{2}$/.test(filter.fromDate))
    params.set('from', `${filter.fromDate}T00:00:00${zone}`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(filter.toDate))
    params.set('to', `${filter.toDate}T23:59:59.999${zone}`);
  if (page.before) params.set('before', String(page.before));
  return params;
}
