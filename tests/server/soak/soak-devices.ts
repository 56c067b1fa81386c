import type { SoakDevice } from './plan-soak-history.ts';

/**
 * Three roles, three officers, four devices (the admin on two). RxDB's open-source build opens
 * at most 13 collections per JavaScript realm and each replica opens 3: four fit in one process.
 */
export const SOAK_DEVICES: readonly SoakDevice[] = [
  { name: 'admin-laptop', username: 'admin.kaltim', role: 'admin_instansi' },
  { name: 'admin-tablet', username: 'admin.kaltim', role: 'admin_instansi' },
  { name: 'pupr-laptop', username: 'pupr.kaltim', role: 'penghubung' },
  { name: 'koordinator-laptop', username: 'koordinator.kaltim', role: 'koordinator' },
];
