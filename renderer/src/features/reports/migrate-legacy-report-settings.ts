import type { ReportIdentity } from '../../../../shared/schemas/report-identity.ts';
import {
  LEGACY_REPORT_SETTINGS_ID,
  planReportSettingsMigration,
  type ReportSettingsMigration,
} from './plan-report-settings-migration.ts';
import { saveReportIdentity, type ReportIdentityWriter } from './save-report-identity.ts';

/**
 * Carries out, once, what planReportSettingsMigration decides for the settings an earlier
 * version kept in this replica: the adopted fields are written as an edit of the instansi's
 * letterhead (queued for the server), then the device's copy is removed. Returns the decision.
 */
export async function migrateLegacyReportSettings(
  workstation: ReportIdentityWriter,
  identity: ReportIdentity | null,
): Promise<ReportSettingsMigration> {
  const local =
    await workstation.replica.getLocal<Record<string, unknown>>(LEGACY_REPORT_SETTINGS_ID);
  if (!local) return { kind: 'none' };
  const plan = planReportSettingsMigration(local.toJSON().data, identity, workstation.officer.role);
  if (plan.kind === 'none' || plan.kind === 'wait') return plan;
  if (plan.kind === 'adopt') await saveReportIdentity(workstation, plan.values);
  await local.remove();
  return plan;
}
