import type { ComplaintEvent } from '../schemas/complaint-event.ts';

/** What the server knows, at the event's arrival, about when its author could have acted. */
export type EventTimeFacts = {
  kind: ComplaintEvent['kind'];
  officerRole: ComplaintEvent['officerRole'];
  /** When the complaint was received. */
  complaintReceivedAt: number;
  /**
   * Server time of the latest disposition of the complaint to the OPD it is at now (0 when none
   * is recorded): before it, that OPD could not have known the complaint was theirs.
   */
  disposedToUnitAt: number;
  /** When the server received the event. */
  serverTime: number;
};

/** Events that answer a disposition: their time is bounded by when the disposition arrived. */
function answersDisposition(facts: EventTimeFacts): boolean {
  if (facts.kind === 'tindak_lanjut') return true;
  return facts.officerRole === 'penghubung' && facts.kind === 'catatan_internal';
}

/** The earliest time at which the event's author could have known the state it answers. */
export function earliestKnowableAt(facts: EventTimeFacts): number {
  const received = facts.complaintReceivedAt;
  return answersDisposition(facts) ? Math.max(received, facts.disposedToUnitAt) : received;
}

/**
 * Whether the device's claimed time of an event is kept. Offline work keeps its real time, but a
 * time before its author could have known the state it answers, or after the server received
 * it, is not trusted: the server time counts instead, and the event says so.
 */
export function decideEventTime(deviceTime: number, facts: EventTimeFacts): boolean {
  return deviceTime >= earliestKnowableAt(facts) && deviceTime <= facts.serverTime;
}

/** When an event happened, as the figures count it: the device's time unless it was distrusted. */
export function trustedEventTime(
  event: Pick<ComplaintEvent, 'deviceTime' | 'serverTime' | 'deviceTimeTrusted'>,
): number {
  if (event.serverTime <= 0) return event.deviceTime;
  if (event.deviceTimeTrusted === false) return event.serverTime;
  return Math.min(event.deviceTime, event.serverTime);
}
