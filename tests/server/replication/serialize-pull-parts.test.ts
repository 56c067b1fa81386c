import { describe, expect, it } from 'vitest';
import type { PullPart, ReplicationCheckpoint } from '../../../shared/api/contract.ts';
import {
  asksForPullParts,
  partSizeFor,
  serializePullParts,
} from '../../../server/replication/serialize-pull-parts.ts';

type Doc = { id: string; serverSeq?: number; text?: string; _deleted: boolean };

const alive = (seq: number): Doc => ({
  id: `c${seq}`,
  serverSeq: seq,
  text: 'x'.repeat(80),
  _deleted: false,
});
const tombstone = (id: string): Doc => ({ id, _deleted: true });
const resumeAfterSeq =
  (documents: Doc[]) =>
  (index: number): ReplicationCheckpoint | null => {
    const document = documents[index]!;
    return document._deleted ? null : { seq: document.serverSeq! };
  };

function linesOf(text: string): PullPart<Doc>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as PullPart<Doc>);
}

describe('serializePullParts', () => {
  it('ends a part once it reaches the size, each with the checkpoint after its last document', () => {
    const documents = Array.from({ length: 10 }, (_, index) => alive(index + 1));
    const parts = linesOf(
      serializePullParts(
        { documents, checkpoint: { seq: 10 }, more: true, remaining: 4 },
        resumeAfterSeq(documents),
        250,
      ),
    );
    expect(parts.map((part) => part.documents.map((document) => document.id))).toEqual([
      ['c1', 'c2'],
      ['c3', 'c4'],
      ['c5', 'c6'],
      ['c7', 'c8'],
      ['c9', 'c10'],
    ]);
    expect(parts.slice(0, -1).map((part) => part.checkpoint)).toEqual([
      { seq: 2 },
      { seq: 4 },
      { seq: 6 },
      { seq: 8 },
    ]);
    expect(parts[4]).toMatchObject({ checkpoint: { seq: 10 }, more: true, remaining: 4 });
    for (const part of parts.slice(0, -1)) {
      expect(part.more).toBeUndefined();
      expect(part.remaining).toBeUndefined();
    }
  });

  it('never ends a part on a tombstone, which has no change number to resume from', () => {
    const documents = [alive(1), tombstone('gone-1'), tombstone('gone-2'), alive(4), alive(5)];
    const parts = linesOf(
      serializePullParts(
        { documents, checkpoint: { seq: 5 }, more: false },
        resumeAfterSeq(documents),
        1,
      ),
    );
    expect(parts.map((part) => part.documents.map((document) => document.id))).toEqual([
      ['c1'],
      ['gone-1', 'gone-2', 'c4'],
      ['c5'],
    ]);
    expect(parts.map((part) => part.checkpoint)).toEqual([{ seq: 1 }, { seq: 4 }, { seq: 5 }]);
    expect(parts[2]!.more).toBe(false);
  });

  it('sends an empty page as one last line', () => {
    const parts = linesOf(
      serializePullParts({ documents: [], checkpoint: { seq: 7 }, more: false }, () => null, 100),
    );
    expect(parts).toEqual([{ documents: [], checkpoint: { seq: 7 }, more: false }]);
  });

  it('sizes parts at a sixteenth of the budget, 4 KB at least', () => {
    expect(partSizeFor(1_835_008)).toBe(114_688);
    expect(partSizeFor(16 * 1024)).toBe(4096);
  });

  it('reads the parts media type from an Accept header', () => {
    expect(asksForPullParts('application/x-ndjson, application/json;q=0.5')).toBe(true);
    expect(asksForPullParts('Application/X-NDJSON; q=1')).toBe(true);
    expect(asksForPullParts('application/json')).toBe(false);
    expect(asksForPullParts(undefined)).toBe(false);
  });
});
