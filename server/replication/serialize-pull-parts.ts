import {
  PULL_PARTS_MEDIA_TYPE,
  type PullResponse,
  type ReplicationCheckpoint,
} from '../../shared/api/contract.ts';

/** A page is sent in about this many parts: a cut then loses a sixteenth of it at most. */
const PARTS_PER_PAGE = 16;
/** Below this a part's checkpoint and framing cost more than a cut inside it would. */
const MIN_PART_CHARACTERS = 4 * 1024;

/** The JSON characters after which a part of a page asked with `maxBytes` may end. */
export function partSizeFor(maxBytes: number): number {
  return Math.max(MIN_PART_CHARACTERS, Math.floor(maxBytes / PARTS_PER_PAGE));
}

/**
 * A pull page as lines of parts (see `PULL_PARTS_MEDIA_TYPE`): a part ends after the first
 * document that brings it to `partCharacters` of JSON and after which `resumeAfter` knows the
 * checkpoint (a tombstone carries no change number, so a part never ends on one). The last line
 * holds the rest of the page with the page's own checkpoint, `more` and `remaining`.
 */
export function serializePullParts<T>(
  page: PullResponse<T>,
  resumeAfter: (index: number) => ReplicationCheckpoint | null,
  partCharacters: number,
): string {
  const lines: string[] = [];
  let part: string[] = [];
  let characters = 0;
  const last = page.documents.length - 1;
  page.documents.forEach((document, index) => {
    const json = JSON.stringify(document);
    part.push(json);
    characters += json.length + 1;
    if (characters < partCharacters || index === last) return;
    const checkpoint = resumeAfter(index);
    if (!checkpoint) return;
    lines.push(`{"documents":[${part.join(',')}],"checkpoint":${JSON.stringify(checkpoint)}}`);
    part = [];
    characters = 0;
  });
  const tail = JSON.stringify({
    checkpoint: page.checkpoint,
    ...(page.remaining === undefined ? {} : { remaining: page.remaining }),
    more: page.more ?? false,
  });
  lines.push(`{"documents":[${part.join(',')}],${tail.slice(1)}`);
  return `${lines.join('\n')}\n`;
}

/** Whether an `Accept` header names the parts' media type. */
export function asksForPullParts(accept: string | undefined): boolean {
  return (accept ?? '')
    .split(',')
    .some((type) => type.split(';')[0]!.trim().toLowerCase() === PULL_PARTS_MEDIA_TYPE);
}
