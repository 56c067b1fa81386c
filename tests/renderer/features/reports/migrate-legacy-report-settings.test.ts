import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { openReplica, type Replica } from '../../../../renderer/src/db/create-replica.ts';
import { migrateLegacyReportSettings } from '../../../../renderer/src/features/reports/migrate-legacy-report-settings.ts';
import { LEGACY_REPORT_SETTINGS_ID } from '../../../../renderer/src/features/reports/plan-report-settings-migration.ts';
import { PendingChanges } from '../../../../renderer/src/sync/pending-changes.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import type { ReportIdentity } from '../../../../shared/schemas/report-identity.ts';

const pulled: ReportIdentity = {
  id: 'pemprov-kaltim',
  instansiId: 'pemprov-kaltim',
  letterheadName: 'PEMERINTAH PROVINSI KALIMANTAN TIMUR',
  address: 'Jl. Gajah Mada No. 2, Samarinda',
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
const legacy = {
  address: 'Alamat lama di perangkat',
  logoDataUrl: '',
  signerTitle: 'Kepala Diskominfo',
  signerName: 'Drs. Budi Santoso',
  signerNip: '197001011990031001',
};

const opened: Replica[] = [];
let counter = 0;
afterEach(async () => {
  for (const replica of opened.splice(0)) await replica.remove();
});

async function device(role: Role, identity: ReportIdentity | null) {
  counter += 1;
  const replica = await openReplica(`legacy_${counter}_${Date.now()}`, getRxStorageMemory(), [
    'complaints',
    'report_identity',
  ]);
  opened.push(replica);
  const pending = new PendingChanges(replica.complaints);
  await pending.load();
  if (identity) await replica.report_identity.insert(identity);
  await replica.upsertLocal(LEGACY_REPORT_SETTINGS_ID, legacy);
  const workstation = {
    replica,
    sync: { pending },
    officer: { id: `officer-${role}`, instansiId: 'pemprov-kaltim', role },
  };
  const stored = async () =>
    (await replica.report_identity.findOne('pemprov-kaltim').exec())?.toJSON() ?? null;
  return { replica, pending, workstation, stored };
}

describe('migrateLegacyReportSettings', () => {
  it("queues an admin's device settings into the blank fields of the instansi's letterhead, once", async () => {
    const { replica, pending, workstation, stored } = await device('admin_instansi', pulled);
    expect((await migrateLegacyReportSettings(workstation, pulled)).kind).toBe('adopt');
    expect(await stored()).toMatchObject({
      address: pulled.address,
      signerTitle: 'Kepala Diskominfo',
      signerName: 'Drs. Budi Santoso',
      signerNip: '197001011990031001',
    });
    expect(pending.count$.value).toBe(1);
    expect(await replica.getLocal(LEGACY_REPORT_SETTINGS_ID)).toBeNull();
    expect((await migrateLegacyReportSettings(workstation, pulled)).kind).toBe('none');
  });

  it("removes a koordinator's device settings and leaves the letterhead alone", async () => {
    const { replica, pending, workstation, stored } = await device('koordinator', pulled);
    expect((await migrateLegacyReportSettings(workstation, pulled)).kind).toBe('discard');
    expect(await stored()).toEqual(pulled);
    expect(pending.count$.value).toBe(0);
    expect(await replica.getLocal(LEGACY_REPORT_SETTINGS_ID)).toBeNull();
  });

  it('keeps the device settings until the letterhead has been pulled', async () => {
    const { replica, workstation } = await device('admin_instansi', null);
    expect((await migrateLegacyReportSettings(workstation, null)).kind).toBe('wait');
    expect(await replica.getLocal(LEGACY_REPORT_SETTINGS_ID)).not.toBeNull();
  });
});
