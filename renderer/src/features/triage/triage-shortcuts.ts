import type { TriageActionKind } from '../../../../shared/domain/triage.ts';

/** One key per triage action, used in the queue and on the action buttons. */
export const TRIAGE_SHORTCUTS: Record<TriageActionKind, string> = {
  verify_dispose: 'v',
  redispose: 'p',
  hold: 'h',
  archive: 'a',
  not_authority: 'b',
  mark_duplicate: 'd',
  close: 's',
  reopen: 'r',
};

export function triageActionForKey(key: string): TriageActionKind | null {
  const entry = Object.entries(TRIAGE_SHORTCUTS).find(([, shortcut]) => shortcut === key);
  return entry ? (entry[0] as TriageActionKind) : null;
}
