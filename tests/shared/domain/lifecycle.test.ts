import { describe, expect, it } from 'vitest';
import {
  canTransition,
  decideEventTransition,
  eventDrivingTransition,
  LIFECYCLE_TRANSITIONS,
  statusAfterEvent,
} from '../../../shared/domain/lifecycle.ts';
import { TRIAGE_ACTION_RULES } from '../../../shared/domain/triage.ts';
import {
  COMPLAINT_STATUSES,
  type ComplaintStatus,
} from '../../../shared/domain/complaint-status.ts';

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

  it('ties the follow-up and reopening moves to their events, and no triage action bypasses them', () => {
    expect(eventDrivingTransition('didisposisi', 'ditindaklanjuti')).toBe('tindak_lanjut');
    expect(eventDrivingTransition('selesai', 'ditindaklanjuti')).toBe('buka_kembali');
    expect(eventDrivingTransition('ditindaklanjuti', 'selesai')).toBeNull();
    for (const rule of Object.values(TRIAGE_ACTION_RULES)) {
      for (const from of rule.from) {
        const driving = eventDrivingTransition(from, rule.to);
        expect(driving === null || driving === rule.event, `${from} → ${rule.to}`).toBe(true);
      }
    }
  });

  it('moves the status only for the event that drives it', () => {
    expect(statusAfterEvent('didisposisi', 'tindak_lanjut')).toBe('ditindaklanjuti');
    expect(statusAfterEvent('didisposisi', 'catatan_internal')).toBe('didisposisi');
    expect(statusAfterEvent('selesai', 'tindak_lanjut')).toBe('selesai');
    expect(statusAfterEvent('selesai', 'buka_kembali')).toBe('ditindaklanjuti');
  });

  it('accepts a reopening only of a closed complaint, and only with a reason', () => {
    const reason = 'Pelapor menyatakan jalan belum diperbaiki.';
    expect(decideEventTransition('selesai', { kind: 'buka_kembali', reason })).toEqual({
      ok: true,
      toStatus: 'ditindaklanjuti',
    });
    expect(decideEventTransition('selesai', { kind: 'buka_kembali', reason: '  ok  ' }).ok).toBe(
      false,
    );
    expect(decideEventTransition('didisposisi', { kind: 'buka_kembali', reason }).ok).toBe(false);
  });
});
