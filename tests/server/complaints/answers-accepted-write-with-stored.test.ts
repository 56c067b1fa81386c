import { describe, expect, it } from 'vitest';
import { answersAcceptedWriteWithStored } from '../../../server/complaints/decide-complaint-push.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

describe('answersAcceptedWriteWithStored', () => {
  const stored = sampleComplaint({ priority: 'tinggi', serverSeq: 42, updatedAt: 5_000 });

  it('answers with the stored complaint when it holds every officer-set field pushed', () => {
    const pushed = { ...sampleComplaint({ priority: 'tinggi' }), _deleted: false };
    expect(answersAcceptedWriteWithStored(pushed, stored)).toBe(true);
  });

  it('answers nothing when part of the write was held back (a status move left to its event)', () => {
    const pushed = sampleComplaint({ priority: 'tinggi', status: 'ditindaklanjuti' });
    expect(answersAcceptedWriteWithStored(pushed, stored)).toBe(false);
  });

  it('answers nothing for a pushed state that is not an object', () => {
    expect(answersAcceptedWriteWithStored(null, stored)).toBe(false);
    expect(answersAcceptedWriteWithStored('x', stored)).toBe(false);
  });
});
