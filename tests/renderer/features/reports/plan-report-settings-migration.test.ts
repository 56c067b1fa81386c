import { describe, expect, it } from 'vitest';
import { planReportSettingsMigration } from '../../../../renderer/src/features/reports/plan-report-settings-migration.ts';
import type { ReportIdentity } from '../../../../shared/schemas/report-identity.ts';

const defaultIdentity: ReportIdentity = {
  id: 'pemprov-kaltim',
  instansiId: 'pemprov-kaltim',
  letterheadName: 'PEMERINTAH PROVINSI KALIMANTAN TIMUR',
  address: '',
  contact: '',
  logoDataUrl: '',
  signerTitle: '',
  signerName: '',
  signerNip: '',
  signingCity: '',
  updatedAt: 1_000,
  updatedBy: '',
  serverSeq: 3,
};
const local = {
  address: 'Jl. Gajah Mada No. 2, Samarinda',
  logoDataUrl: '',
  signerTitle: 'Kepala Diskominfo',
  signerName: 'Drs. Budi Santoso',
  signerNip: '197001011990031001',
};

describe('planReportSettingsMigration', () => {
  it('does nothing on a device that kept no settings', () => {
    expect(planReportSettingsMigration(null, defaultIdentity, 'admin_instansi')).toEqual({
      kind: 'none',
    });
  });

  it("offers an admin's settings to an instansi whose letterhead nobody has set, filling blanks only", () => {
    expect(
      planReportSettingsMigration(
        local,
        { ...defaultIdentity, address: 'Alamat dari set-up' },
        'admin_instansi',
      ),
    ).toEqual({
      kind: 'adopt',
      values: {
        signerTitle: 'Kepala Diskominfo',
        signerName: 'Drs. Budi Santoso',
        signerNip: '197001011990031001',
      },
    });
  });

  it('drops the settings of a koordinator or a penghubung', () => {
    for (const role of ['koordinator', 'penghubung'] as const)
      expect(planReportSettingsMigration(local, defaultIdentity, role)).toEqual({
        kind: 'discard',
      });
  });

  it('drops the settings once an officer has set the instansi’s letterhead', () => {
    const set = { ...defaultIdentity, updatedBy: 'officer-admin-lain' };
    expect(planReportSettingsMigration(local, set, 'admin_instansi')).toEqual({ kind: 'discard' });
  });

  it('waits for the instansi’s letterhead to reach the device before deciding', () => {
    expect(planReportSettingsMigration(local, null, 'admin_instansi')).toEqual({ kind: 'wait' });
  });

  it('drops settings that are empty or no longer valid', () => {
    expect(planReportSettingsMigration({ address: '' }, defaultIdentity, 'admin_instansi')).toEqual(
      {
        kind: 'discard',
      },
    );
    expect(
      planReportSettingsMigration(
        { logoDataUrl: 'javascript:alert(1)' },
        defaultIdentity,
        'admin_instansi',
      ),
    ).toEqual({ kind: 'discard' });
  });
});
