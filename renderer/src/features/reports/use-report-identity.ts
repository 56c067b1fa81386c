import { useEffect, useState } from 'react';
import {
  BLANK_REPORT_IDENTITY,
  REPORT_IDENTITY_FIELDS,
  type ReportIdentity,
  type ReportIdentityForm,
} from '../../../../shared/schemas/report-identity.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { migrateLegacyReportSettings } from './migrate-legacy-report-settings.ts';

export type ReportIdentityState = {
  /** The instansi's document as the replica holds it; null until it has been pulled. */
  identity: ReportIdentity | null;
  /** What prints: the document's fields, the letterhead name falling back to the instansi's. */
  printed: ReportIdentityForm;
};

function pickForm(identity: ReportIdentity | null): ReportIdentityForm {
  if (!identity) return BLANK_REPORT_IDENTITY;
  return Object.fromEntries(
    REPORT_IDENTITY_FIELDS.map((field) => [field, identity[field]]),
  ) as ReportIdentityForm;
}

/**
 * The instansi's letterhead and signatory from the replica, kept live. Settings an earlier
 * version kept on this device are dealt with once here (see planReportSettingsMigration).
 */
export function useReportIdentity(): ReportIdentityState {
  const workstation = useWorkstation();
  const { replica, officer, instansi } = workstation;
  const [identity, setIdentity] = useState<ReportIdentity | null>(null);

  useEffect(() => {
    const subscription = replica.report_identity
      .findOne(officer.instansiId)
      .$.subscribe((document) => setIdentity(document ? document.toJSON() : null));
    return () => subscription.unsubscribe();
  }, [replica, officer.instansiId]);

  useEffect(() => {
    void migrateLegacyReportSettings(workstation, identity);
  }, [workstation, identity]);

  const printed = pickForm(identity);
  return {
    identity,
    printed: { ...printed, letterheadName: printed.letterheadName || instansi.name.toUpperCase() },
  };
}
