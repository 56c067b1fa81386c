import type { ComplaintEventKind } from '../../shared/domain/triage.ts';
import type { RejectionReason } from '../refusals/sync-rejections.ts';
import { rejectionReason } from '../refusals/sync-rejections.ts';
import { appError } from '../../shared/errors/error-codes.ts';
import type { ComplaintWriteDecision } from './decide-complaint-write.ts';

/** What the server found for a write decideComplaintWrite accepted, where it had to look. */
export type StoredComplaintFacts = {
  /** The complaint a duplicate mark points at exists in the officer's instansi. */
  duplicateOriginalFound: boolean;
  /** The complaint already has a public follow-up (tindak lanjut). */
  answered: boolean;
};

export type ComplaintPushStep =
  /** Nothing stored; the device gets the master back when `sendMaster`. */
  | { kind: 'answer'; accepted: boolean; sendMaster: boolean }
  | { kind: 'awaits_event'; event: ComplaintEventKind }
  | { kind: 'refuse'; reason: RejectionReason }
  | { kind: 'write'; changes: Extract<ComplaintWriteDecision, { kind: 'accept' }>['changes'] };

/** Which stored facts a decision needs before it can be carried out. */
export function factsNeededFor(decision: ComplaintWriteDecision): {
  duplicateOf: string | null;
  closing: boolean;
} {
  if (decision.kind !== 'accept') return { duplicateOf: null, closing: false };
  return {
    duplicateOf: decision.changes.duplicateOf || null,
    closing: decision.changes.status === 'selesai',
  };
}

/**
 * One pushed complaint's fate, from the write rule's decision and what the server found: the
 * rule judges the document alone, this adds what only the stored data can tell.
 */
export function decideComplaintPush(
  decision: ComplaintWriteDecision,
  facts: StoredComplaintFacts,
  pushedSeq: unknown,
  masterSeq: number,
): ComplaintPushStep {
  switch (decision.kind) {
    case 'unchanged':
      // Already applied (a re-delivery whose answer was lost). Unless the device's copy is the
      // master itself, answer with the master: the device may have skipped pulling it while its
      // own write was on the way, and would otherwise keep a stale change number for ever.
      return { kind: 'answer', accepted: true, sendMaster: pushedSeq !== masterSeq };
    case 'awaits_event':
      return { kind: 'awaits_event', event: decision.event };
    case 'conflict':
      return { kind: 'answer', accepted: false, sendMaster: true };
    case 'refuse':
      return { kind: 'refuse', reason: decision.reason };
    case 'accept': {
      const needed = factsNeededFor(decision);
      if (needed.duplicateOf && !facts.duplicateOriginalFound) {
        return {
          kind: 'refuse',
          reason: rejectionReason('validation', appError('duplicate_original_missing')),
        };
      }
      // Closing tells the reporter the matter is done: there must be an answer to read first
      // (an imported complaint may sit in ditindaklanjuti without one).
      if (needed.closing && !facts.answered) {
        return {
          kind: 'refuse',
          reason: rejectionReason('lifecycle', appError('close_needs_public_response')),
        };
      }
      return { kind: 'write', changes: decision.changes };
    }
  }
}
