import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../shared/api/contract.ts';
import {
  readPageInSlices,
  SLICE_JSON_BYTES,
} from '../../../server/replication/read-page-in-slices.ts';

type Doc = { id: string; serverSeq?: number; text?: string; _deleted: boolean };

/** A store's change log: documents by change number, some tombstones (no serverSeq). */
function changeLog(count: number, textBytes: (seq: number) => number) {
  const entries = Array.from({ length: count }, (_, index) => {
    const seq = (index + 1) * 3; // change numbers with gaps, as other stores take some
    const document: Doc =
      seq % 7 === 0
        ? { id: `c${seq}`, _deleted: true }
        : { id: `c${seq}`, serverSeq: seq, text: 'x'.repeat(textBytes(seq)), _deleted: false };
    return { seq, document };
  });
  const queries: { afterSeq: number; limit: number; rows: number }[] = [];
  const readFrom = async (afterSeq: number, limit: number): Promise<PullResponse<Doc>> => {
    const page = entries.filter((entry) => entry.seq > afterSeq).slice(0, limit);
    queries.push({ afterSeq, limit, rows: page.length });
    return {
      documents: page.map((entry) => entry.document),
      checkpoint: { seq: page.at(-1)?.seq ?? afterSeq },
    };
  };
  return { readFrom, queries };
}

const jsonBytes = (documents: readonly unknown[]) =>
  documents.reduce<number>((sum, document) => sum + JSON.stringify(document).length + 1, 0);

describe('readPageInSlices', () => {
  it('reads the same page as one query would, in slices of about the slice budget', async () => {
    const log = changeLog(6000, () => 300);
    const whole = await log.readFrom(0, 5000);
    log.queries.length = 0;
    const sliced = await readPageInSlices(log.readFrom, 0, 5000, 16 * 1024 * 1024);
    expect(sliced.page.documents).toEqual(whole.documents);
    expect(sliced.page.checkpoint).toEqual(whole.checkpoint);
    expect(sliced.sizes).toEqual(
      whole.documents.map((document) => JSON.stringify(document).length),
    );
    expect(log.queries.length).toBeGreaterThan(5);
    // Each slice starts where the one before ended.
    for (let index = 1; index < log.queries.length; index += 1)
      expect(log.queries[index]!.afterSeq).toBeGreaterThan(log.queries[index - 1]!.afterSeq);
    // No slice after the first reads much more than the slice budget (sizes vary a little).
    const average = jsonBytes(whole.documents) / whole.documents.length;
    for (const query of log.queries.slice(1))
      expect(query.rows * average).toBeLessThanOrEqual(SLICE_JSON_BYTES * 1.1);
  });

  it('stops once the byte budget is passed, having read little beyond it', async () => {
    const log = changeLog(3000, (seq) => 200 + (seq % 5) * 400);
    const maxBytes = 400_000;
    const sliced = await readPageInSlices(log.readFrom, 30, 3000, maxBytes);
    const read = jsonBytes(sliced.page.documents);
    expect(read).toBeGreaterThan(maxBytes);
    const last = sliced.page.documents.at(-1)!;
    expect(read - JSON.stringify(last).length - 1).toBeLessThanOrEqual(maxBytes + 20_000);
    expect(sliced.page.documents[0]!.id).toBe('c33');
  });

  it('ends at the store end, and with nothing to read keeps the checkpoint', async () => {
    const log = changeLog(120, () => 100);
    const all = await readPageInSlices(log.readFrom, 0, 1000, 1_000_000);
    expect(all.page.documents).toHaveLength(120);
    expect(all.page.checkpoint).toEqual({ seq: 360 });
    const none = await readPageInSlices(log.readFrom, 360, 1000, 1_000_000);
    expect(none.page).toEqual({ documents: [], checkpoint: { seq: 360 } });
  });

  it('never reads more than the limit', async () => {
    const log = changeLog(1000, () => 10);
    const sliced = await readPageInSlices(log.readFrom, 0, 70, 1_000_000);
    expect(sliced.page.documents).toHaveLength(70);
    expect(log.queries.reduce((sum, query) => sum + query.rows, 0)).toBe(70);
  });
});
