import type { Role } from '../../../shared/domain/roles.ts';
import type { SoakDevice } from './plan-soak-history.ts';

/** An officer the soak's admin creates through the officer admin API before the devices sign in. */
export type SoakOfficer = {
  username: string;
  displayName: string;
  role: Role;
  /** The OPD unit's code, for a penghubung. */
  unitCode: string | null;
};

/** Password of the officers the soak creates (the demo officers keep the demo password). */
export const SOAK_OFFICER_PASSWORD = 'soak-sandi-2026';

/**
 * Two officers beside the demo's four (admin, PUPR and DINKES penghubung, koordinator): a
 * second Admin Instansi and the penghubung of a third OPD, so six officers hold the three roles.
 */
export const SOAK_OFFICERS: readonly SoakOfficer[] = [
  {
    username: 'admin2.soak',
    displayName: 'Admin Kedua (soak)',
    role: 'admin_instansi',
    unitCode: null,
  },
  {
    username: 'dishub.soak',
    displayName: 'Penghubung Dishub (soak)',
    role: 'penghubung',
    unitCode: 'DISHUB',
  },
];

/**
 * Ten devices of six officers: the admin on a laptop (with a second window) and a tablet, the
 * PUPR penghubung and the koordinator each on two devices, the others on one. Nine replicas,
 * three realms of three (see replica-realms.ts); the window shares its laptop's replica.
 */
export const SOAK_DEVICES: readonly SoakDevice[] = [
  { name: 'admin-laptop', username: 'admin.kaltim', role: 'admin_instansi' },
  { name: 'pupr-laptop', username: 'pupr.kaltim', role: 'penghubung' },
  { name: 'koordinator-laptop', username: 'koordinator.kaltim', role: 'koordinator' },
  { name: 'admin-tablet', username: 'admin.kaltim', role: 'admin_instansi' },
  {
    name: 'admin-laptop-window-2',
    username: 'admin.kaltim',
    role: 'admin_instansi',
    windowOf: 'admin-laptop',
  },
  { name: 'dinkes-laptop', username: 'dinkes.kaltim', role: 'penghubung' },
  { name: 'admin2-laptop', username: 'admin2.soak', role: 'admin_instansi' },
  { name: 'pupr-tablet', username: 'pupr.kaltim', role: 'penghubung' },
  { name: 'dishub-laptop', username: 'dishub.soak', role: 'penghubung' },
  { name: 'koordinator-tablet', username: 'koordinator.kaltim', role: 'koordinator' },
];

/**
 * The first `count` devices (the short test's smaller fleet), with any window whose device is
 * left out dropped.
 */
export function soakDevices(count = SOAK_DEVICES.length): readonly SoakDevice[] {
  const chosen = SOAK_DEVICES.slice(0, count);
  return chosen.filter(
    (device) => !device.windowOf || chosen.some((other) => other.name === device.windowOf),
  );
}
