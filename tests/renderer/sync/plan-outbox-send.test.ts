import { describe, expect, it } from 'vitest';
import { planOutboxSend, planPushAnswer } from '../../../renderer/src/sync/plan-outbox-send.ts';

type Doc = { id: string; serverSeq: number; reason: string };
const stored = (id: string, extra: Partial<Doc & { _deleted: boolean }> = {}) => ({
  id,
  serverSeq: 0,
  reason: `catatan ${id}`,
  _deleted: false,
  ...extra,
});

describe('planOutboxSend', () => {
  it('sends the written documents in the order they waited, each once', () => {
    const held = new Map([
      ['e-2', stored('e-2')],
      ['e-1', stored('e-1')],
    ]);
    const plan = planOutboxSend<Doc>(['e-2', 'e-1', 'e-2'], held, 10);
    expect(plan.send.map((document) => document.id)).toEqual(['e-2', 'e-1']);
    expect(plan.drop).toEqual([]);
    expect(plan.notWritten).toEqual([]);
  });

  it('waits for a document counted before its write, and drops one the device withdrew', () => {
    const held = new Map([['e-gone', stored('e-gone', { _deleted: true })]]);
    const plan = planOutboxSend<Doc>(['e-new', 'e-gone'], held, 10);
    expect(plan).toEqual({ send: [], drop: ['e-gone'], notWritten: ['e-new'] });
  });

  it('sends at most one batch; the rest waits for the next push', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const held = new Map(ids.map((id) => [id, stored(id)]));
    expect(planOutboxSend<Doc>(ids, held, 3).send.map((document) => document.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});

describe('planPushAnswer', () => {
  const sent = [stored('e-1'), stored('e-2'), stored('e-3')];

  it('takes the stamped copies, withdraws the refused events and settles every sent id', () => {
    const plan = planPushAnswer<Doc>(sent, [
      { id: 'e-1', serverSeq: 41, reason: 'catatan e-1', _deleted: false },
      { id: 'e-2', _deleted: true } as Doc & { _deleted: boolean },
    ]);
    expect(plan.replace).toEqual([{ id: 'e-1', serverSeq: 41, reason: 'catatan e-1' }]);
    expect(plan.remove).toEqual(['e-2']);
    expect(plan.settled).toEqual(['e-1', 'e-2', 'e-3']);
  });

  it('ignores an answer about a document the push did not carry', () => {
    const plan = planPushAnswer<Doc>(sent, [
      { id: 'someone-else', _deleted: true } as Doc & { _deleted: boolean },
      { id: 'other', serverSeq: 9, reason: 'forged', _deleted: false },
    ]);
    expect(plan.replace).toEqual([]);
    expect(plan.remove).toEqual([]);
  });
});
