import { z } from 'zod';
import type { Role } from '../../../../shared/domain/roles.ts';
import {
  reportIdentityFormSchema,
  type ReportIdentity,
  type ReportIdentityForm,
} from '../../../../shared/schemas/report-identity.ts';

/** The replica's local document where earlier versions kept this device's letterhead. */
export const LEGACY_REPORT_SETTINGS_ID = 'report-settings';

/** What earlier versions kept on the device; every field is one the instansi's document has. */
const legacySettingsSchema = reportIdentityFormSchema
  .pick({ address: true, logoDataUrl: true, signerTitle: true, signerName: true, signerNip: true })
  .partial();
type LegacyField = keyof z.infer<typeof legacySettingsSchema>;
const LEGACY_FIELDS: readonly LegacyField[] = [
  'address',
  'logoDataUrl',
  'signerTitle',
  'signerName',
  'signerNip',
];

export type ReportSettingsMigration =
  /** No settings kept on this device. */
  | { kind: 'none' }
  /** The instansi's letterhead has not reached the device yet: decide once it has. */
  | { kind: 'wait' }
  /** Drop the device's settings: the instansi's letterhead is what prints from now on. */
  | { kind: 'discard' }
  /** Fill the instansi's still blank fields with the device's settings, then drop them. */
  | { kind: 'adopt'; values: Partial<ReportIdentityForm> };

/**
 * Decides, once, what becomes of the letterhead an earlier version kept on this device. Only an
 * Admin Instansi's settings are offered to the instansi, and only while no officer has set the
 * instansi's letterhead yet (the set-up's default has no author): they fill its blank fields.
 * In every other case the device's settings are dropped, so two devices never print differently.
 */
export function planReportSettingsMigration(
  local: unknown,
  identity: ReportIdentity | null,
  role: Role,
): ReportSettingsMigration {
  if (local === null || local === undefined) return { kind: 'none' };
  if (role !== 'admin_instansi') return { kind: 'discard' };
  const parsed = legacySettingsSchema.safeParse(local);
  if (!parsed.success) return { kind: 'discard' };
  if (!identity) return { kind: 'wait' };
  if (identity.updatedBy !== '') return { kind: 'discard' };
  const values: Partial<ReportIdentityForm> = {};
  for (const field of LEGACY_FIELDS) {
    const value = parsed.data[field];
    if (value && identity[field] === '') values[field] = value;
  }
  return Object.keys(values).length > 0 ? { kind: 'adopt', values } : { kind: 'discard' };
}
