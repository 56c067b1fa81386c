import { describe, expect, it } from 'vitest';
import { planRoleScreen } from '../../../renderer/src/session/plan-role-screen.ts';

describe('planRoleScreen', () => {
  it('gives the read-only koordinator no triage box and no bulk selection, but the OPD column', () => {
    expect(planRoleScreen('koordinator')).toEqual({ triage: false, bulkSelect: false, unit: true });
  });

  it('gives a penghubung neither triage, bulk selection nor the OPD column and filter', () => {
    expect(planRoleScreen('penghubung')).toEqual({ triage: false, bulkSelect: false, unit: false });
  });

  it('gives the Admin Instansi everything', () => {
    expect(planRoleScreen('admin_instansi')).toEqual({
      triage: true,
      bulkSelect: true,
      unit: true,
    });
  });
});
