import type { RxCollection } from 'rxdb';
import type { FollowUpKind } from '../../../shared/domain/follow-up.ts';

/** What the officer has typed and not yet posted, kept in the replica (not replicated). */
export type FollowUpDraft = { kind: FollowUpKind; content: string; savedAt: number };

const draftId = (complaintId: string) => `followup-draft:${complaintId}`;

export async function loadFollowUpDraft(
  store: RxCollection,
  complaintId: string,
): Promise<FollowUpDraft | null> {
  const document = await store.getLocal<FollowUpDraft>(draftId(complaintId));
  if (!document) return null;
  return {
    kind: document.get('kind'),
    content: document.get('content'),
    savedAt: document.get('savedAt'),
  };
}

export async function saveFollowUpDraft(
  store: RxCollection,
  complaintId: string,
  draft: FollowUpDraft,
): Promise<void> {
  await store.upsertLocal<FollowUpDraft>(draftId(complaintId), draft);
}

export async function clearFollowUpDraft(store: RxCollection, complaintId: string): Promise<void> {
  const document = await store.getLocal(draftId(complaintId));
  await document?.remove();
}
