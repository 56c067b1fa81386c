import {
  autoCloseNote,
  type AutoCloseCandidate,
} from '../../../../shared/domain/find-auto-close-candidates.ts';
import type { WorkstationContextValue } from '../../session/workstation-context.tsx';
import { executeTriageAction, type TriageOutcome } from '../triage/execute-triage-action.ts';

/**
 * Closes the confirmed proposals through the ordinary `close` triage action (same rules, same
 * timeline event), each with a note naming the wait that was reached.
 */
export async function closeAutoCloseCandidates(
  workstation: WorkstationContextValue,
  candidates: readonly AutoCloseCandidate<{ id: string }>[],
): Promise<TriageOutcome> {
  const byNote = new Map<string, string[]>();
  for (const candidate of candidates) {
    const note = autoCloseNote(candidate.autoCloseDays, candidate.counting);
    byNote.set(note, [...(byNote.get(note) ?? []), candidate.complaint.id]);
  }
  const outcome: TriageOutcome = { done: [], skipped: [] };
  for (const [note, ids] of byNote) {
    const part = await executeTriageAction(workstation, ids, { kind: 'close', note });
    outcome.done.push(...part.done);
    outcome.skipped.push(...part.skipped);
  }
  return outcome;
}
