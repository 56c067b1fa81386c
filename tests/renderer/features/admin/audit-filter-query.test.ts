import { describe, expect, it } from 'vitest';
import { auditQuerySchema } from '../../../../shared/api/audit-query.ts';
import {
  auditQueryParams,
  EMPTY_AUDIT_FILTER,
} from '../../../../renderer/src/features/admin/audit-filter-query.ts';

describe('auditQueryParams', () => {
  it('turns days into the whole day in the instansi zone, accepted by the server schema', () => {
    const params = auditQueryParams(
      {
        action: 'login_failed',
        officer: ' officer-pupr-kaltim ',
        fromDate: '2026-11-23',
        toDate: '2026-11-23',
      },
      480,
      { limit: 50, before: 120 },
    );
    expect(Object.fromEntries(params)).toEqual({
      limit: '50',
      action: 'login_failed',
      officer: 'officer-pupr-kaltim',
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-23T23:59:59.999+08:00',
      before: '120',
    });
    const parsed = auditQuerySchema.parse(Object.fromEntries(params));
    expect(parsed.from).toBe(Date.parse('2026-11-22T16:00:00Z'));
    expect(parsed.to).toBe(Date.parse('2026-11-23T15:59:59.999Z'));
  });

  it('leaves out what the admin did not fill in', () => {
    expect(Object.fromEntries(auditQueryParams(EMPTY_AUDIT_FILTER, 420, { limit: 50 }))).toEqual({
      limit: '50',
    });
  });
});
