import { describe, expect, it } from 'vitest';
import { canTransition, LIFECYCLE_TRANSITIONS } from '../../shared/domain/lifecycle.ts';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../shared/domain/complaint-status.ts';

const ALLOWED: [ComplaintStatus, ComplaintStatus][] = [
  ['belum_diverifikasi', 'ditunda'],
  ['belum_diverifikasi', 'didisposisi'],
  ['belum_diverifikasi', 'diarsipkan'],
  ['belum_diverifikasi', 'bukan_wewenang'],
  ['ditunda', 'didisposisi'],
  ['ditunda', 'diarsipkan'],
  ['didisposisi', 'ditindaklanjuti'],
  ['didisposisi', 'didisposisi'],
  ['ditindaklanjuti', 'selesai'],
  ['ditindaklanjuti', 'didisposisi'],
  ['selesai', 'ditindaklanjuti'],
];

describe('lifecycle transition table', () => {
  it('allows exactly the transitions of DOMAIN.md and refuses every other pair', () => {
    const allowed = new Set(ALLOWED.map(([from, to]) => `${from}>${to}`));
    for (const from of COMPLAINT_STATUSES) {
      for (const to of COMPLAINT_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
      }
    }
  });

  it('treats archived and bukan wewenang as final', () => {
    expect(LIFECYCLE_TRANSITIONS.diarsipkan).toEqual([]);
    expect(LIFECYCLE_TRANSITIONS.bukan_wewenang).toEqual([]);
  });

  it('never lets a complaint go back to belum diverifikasi', () => {
    for (const from of COMPLAINT_STATUSES)
      expect(canTransition(from, 'belum_diverifikasi')).toBe(false);
  });
});
