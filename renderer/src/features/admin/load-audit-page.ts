import { auditPageSchema, type AuditPage } from '../../../../shared/api/audit-query.ts';
import { getJson } from '../../api/api-client.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';
import { auditQueryParams, type AuditFilter } from './audit-filter-query.ts';

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log from the server (the log is not replicated: it is read online). */
export async function loadAuditPage(
  workstation: Pick<WorkstationContextValue, 'serverUrl' | 'sync' | 'instansi'>,
  filter: AuditFilter,
  before: number | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const params = auditQueryParams(filter, workstation.instansi.utcOffsetMinutes, {
    limit: AUDIT_PAGE_SIZE,
    before,
  });
  const body = await workstation.sync.tokens.withAccessToken((token) =>
    getJson(`${workstation.serverUrl}/api/admin/audit?${params.toString()}`, token, signal),
  );
  return auditPageSchema.parse(body);
}
