import type { ComplaintStatus } from './complaint-status.ts';

/** Allowed status transitions, as listed in DOMAIN.md. Anything not listed is refused. */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> =
  {
    belum_diverifikasi: ['ditunda', 'didisposisi', 'diarsipkan', 'bukan_wewenang'],
    ditunda: ['didisposisi', 'diarsipkan'],
    didisposisi: ['ditindaklanjuti', 'didisposisi'],
    ditindaklanjuti: ['selesai', 'didisposisi'],
    selesai: ['ditindaklanjuti'],
    diarsipkan: [],
    bukan_wewenang: [],
  };

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to);
}
