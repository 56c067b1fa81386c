import { describe, expect, it } from 'vitest';
import {
  decideEventTime,
  earliestKnowableAt,
  trustedEventTime,
  type EventTimeFacts,
} from '../../../shared/domain/decide-event-time.ts';

const HOUR = 3_600_000;
const received = Date.parse('2026-11-02T01:00:00Z');
const disposed = received + 48 * HOUR;
const arrived = disposed + 10 * 24 * HOUR;
const followUp: EventTimeFacts = {
  kind: 'tindak_lanjut',
  officerRole: 'penghubung',
  complaintReceivedAt: received,
  disposedToUnitAt: disposed,
  serverTime: arrived,
};

describe('decideEventTime', () => {
  it('keeps the real time of work done offline between the disposition and the receipt', () => {
    expect(decideEventTime(disposed + HOUR, followUp)).toBe(true);
    expect(decideEventTime(arrived, followUp)).toBe(true);
  });

  it('distrusts a follow-up dated before its disposition reached the OPD', () => {
    expect(decideEventTime(disposed - 1, followUp)).toBe(false);
    expect(decideEventTime(1, followUp)).toBe(false);
  });

  it('distrusts a time after the server received the event', () => {
    expect(decideEventTime(arrived + 1, followUp)).toBe(false);
  });

  it('bounds the admin’s triage only by the complaint’s arrival', () => {
    const triage = { ...followUp, kind: 'arsip' as const, officerRole: 'admin_instansi' as const };
    expect(earliestKnowableAt(triage)).toBe(received);
    expect(decideEventTime(received + HOUR, triage)).toBe(true);
    expect(decideEventTime(received - 1, triage)).toBe(false);
  });

  it('bounds an OPD note by the disposition, and a public answer from any role too', () => {
    expect(earliestKnowableAt({ ...followUp, kind: 'catatan_internal' })).toBe(disposed);
    expect(earliestKnowableAt({ ...followUp, officerRole: 'admin_instansi' })).toBe(disposed);
    expect(
      earliestKnowableAt({ ...followUp, kind: 'catatan_internal', officerRole: 'admin_instansi' }),
    ).toBe(received);
  });
});

describe('trustedEventTime', () => {
  it('is the device time while the event waits, and once the server trusted it', () => {
    expect(trustedEventTime({ deviceTime: 5, serverTime: 0 })).toBe(5);
    expect(trustedEventTime({ deviceTime: 5, serverTime: 9, deviceTimeTrusted: true })).toBe(5);
  });

  it('is the server time when the server distrusted the device', () => {
    expect(trustedEventTime({ deviceTime: 1, serverTime: 9, deviceTimeTrusted: false })).toBe(9);
  });
});
