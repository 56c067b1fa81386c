import { describe, expect, it } from 'vitest';
import { planRefusalRecord } from '../../../server/refusals/plan-refusal-record.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const limits = { documentMaxBytes: 2048, openPerOfficer: 10 };

describe('planRefusalRecord', () => {
  it('keeps no reporter identity of a refused complaint and says so', () => {
    const complaint = { ...sampleComplaint({ priority: 'tinggi' }), _deleted: false };
    const record = planRefusalRecord(complaint, limits);
    expect(record.identityRemoved).toBe(true);
    expect(record.documentTruncated).toBe(false);
    expect(JSON.stringify(record.document)).not.toContain(complaint.reporter?.name);
    expect(record.document).toMatchObject({ id: complaint.id, priority: 'tinggi' });
    expect(complaint.reporter).toBeDefined();
  });

  it('keeps a document without identity as it is', () => {
    const event = { id: 'e-1', kind: 'tindak_lanjut', reason: 'Sudah ditangani di lapangan.' };
    expect(planRefusalRecord(event, limits)).toEqual({
      document: event,
      identityRemoved: false,
      documentTruncated: false,
    });
  });

  it('cuts a document larger than the limit to the limit, on a character boundary', () => {
    const huge = { id: 'c-1', title: 'é'.repeat(10_000) };
    const record = planRefusalRecord(huge, limits);
    expect(record.documentTruncated).toBe(true);
    expect(typeof record.document).toBe('string');
    const text = record.document as string;
    // Stored as a JSON string: its escaped form is what must fit.
    const stored = Buffer.byteLength(JSON.stringify(text), 'utf8');
    expect(stored).toBeLessThanOrEqual(limits.documentMaxBytes);
    expect(stored).toBeGreaterThan(limits.documentMaxBytes - 64);
    expect(text.startsWith('{"id":"c-1","title":"éé')).toBe(true);
    expect(text).not.toContain('\uFFFD');
  });

  it('strips the identity before cutting, so a cut never keeps it', () => {
    const complaint = {
      ...sampleComplaint({}),
      body: 'x'.repeat(5000),
    };
    const record = planRefusalRecord(complaint, limits);
    expect(record).toMatchObject({ identityRemoved: true, documentTruncated: true });
    expect(record.document as string).not.toContain(complaint.reporter?.name);
  });
});
