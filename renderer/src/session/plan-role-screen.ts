import type { Role } from '../../../shared/domain/roles.ts';

/** What of the queue and the detail an officer's role can use, and so is shown. */
export type RoleScreen = {
  /** The triage box in the detail: only the Admin Instansi triages. */
  triage: boolean;
  /** Row checkboxes and the bulk bar: bulk actions are triage actions. */
  bulkSelect: boolean;
  /** The OPD column and the OPD filter: a penghubung only ever sees its own OPD. */
  unit: boolean;
};

export function planRoleScreen(role: Role): RoleScreen {
  return {
    triage: role === 'admin_instansi',
    bulkSelect: role === 'admin_instansi',
    unit: role !== 'penghubung',
  };
}
