import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeFields } from '../../../shared/sync/merge-fields.ts';
import {
  applyConflictChoices,
  COMPLAINT_FIELD_GROUPS,
  MERGEABLE_COMPLAINT_FIELDS,
  mergeComplaint,
} from '../../../shared/sync/merge-complaint.ts';
import { COMPLAINT_STATUSES, PRIORITIES } from '../../../shared/domain/complaint-status.ts';
import type { Complaint } from '../../../shared/schemas/complaint.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

const base = sampleComplaint({ status: 'belum_diverifikasi', unitId: '', serverSeq: 10 });

/** Expected result, and the same result whichever side is "local". */
function expectMerge(
  local: Partial<Complaint>,
  server: Partial<Complaint>,
  expected: { fields: Partial<Complaint>; conflicts: string[][] },
) {
  const ours = { ...base, ...local };
  const theirs = { ...base, ...server };
  const forward = mergeFields(base, ours, theirs, COMPLAINT_FIELD_GROUPS);
  const backward = mergeFields(base, theirs, ours, COMPLAINT_FIELD_GROUPS);
  expect(forward.merged).toEqual(backward.merged);
  expect(forward.conflicts.map((c) => c.fields)).toEqual(expected.conflicts);
  expect(backward.conflicts.map((c) => c.fields)).toEqual(expected.conflicts);
  expect(forward.conflicts.map((c) => c.ours)).toEqual(backward.conflicts.map((c) => c.theirs));
  const conflicted = new Set(expected.conflicts.flat());
  for (const [field, value] of Object.entries(expected.fields)) {
    if (!conflicted.has(field)) expect(forward.merged[field as keyof Complaint]).toEqual(value);
  }
  return forward;
}

describe('mergeFields on complaints (expected results, both directions)', () => {
  it('keeps changes made on one side only, from both sides', () => {
    expectMerge(
      { priority: 'tinggi' },
      { categoryId: 'cat-sosial' },
      { fields: { priority: 'tinggi', categoryId: 'cat-sosial' }, conflicts: [] },
    );
  });

  it('treats the same change on both sides as no conflict', () => {
    expectMerge(
      { priority: 'mendesak' },
      { priority: 'mendesak' },
      { fields: { priority: 'mendesak' }, conflicts: [] },
    );
  });

  it('reports a field changed differently on both sides and keeps the base until decided', () => {
    const result = expectMerge(
      { priority: 'tinggi', categoryId: 'cat-sosial' },
      { priority: 'rendah' },
      { fields: { categoryId: 'cat-sosial' }, conflicts: [['priority']] },
    );
    expect(result.merged.priority).toBe(base.priority);
    expect(result.conflicts[0]).toMatchObject({
      base: { priority: 'sedang' },
      ours: { priority: 'tinggi' },
      theirs: { priority: 'rendah' },
    });
  });

  it('never combines one side’s status with the other side’s OPD', () => {
    const result = expectMerge(
      { status: 'didisposisi', unitId: 'unit-pupr' },
      { status: 'diarsipkan', duplicateOf: 'c-9' },
      { fields: {}, conflicts: [['status', 'unitId', 'duplicateOf']] },
    );
    expect(result.merged).toMatchObject({
      status: 'belum_diverifikasi',
      unitId: '',
      duplicateOf: '',
    });
  });

  it('takes a disposition as a whole when only one side disposed', () => {
    expectMerge(
      { status: 'didisposisi', unitId: 'unit-dinkes' },
      { priority: 'tinggi' },
      {
        fields: { status: 'didisposisi', unitId: 'unit-dinkes', priority: 'tinggi' },
        conflicts: [],
      },
    );
  });

  it('treats the privacy flags as one decision', () => {
    expectMerge(
      { anonim: true },
      { rahasia: true },
      { fields: {}, conflicts: [['anonim', 'rahasia']] },
    );
  });

  it('merging the result again changes nothing', () => {
    const ours = { ...base, priority: 'tinggi' as const };
    const theirs = { ...base, categoryId: 'cat-sosial' };
    const once = mergeFields(base, ours, theirs, COMPLAINT_FIELD_GROUPS).merged;
    expect(mergeFields(base, once, theirs, COMPLAINT_FIELD_GROUPS).merged).toEqual(once);
    expect(mergeFields(base, ours, once, COMPLAINT_FIELD_GROUPS).merged).toEqual(once);
    expect(mergeFields(base, once, once, COMPLAINT_FIELD_GROUPS).merged).toEqual(once);
  });
});

describe('mergeComplaint', () => {
  it('takes the server’s own fields and the server’s values for conflicting groups', () => {
    const local = { ...base, priority: 'tinggi' as const, categoryId: 'cat-sosial' };
    const server = {
      ...base,
      priority: 'rendah' as const,
      serverSeq: 14,
      updatedBy: 'officer-lain',
      dueAt: base.dueAt + 1,
    };
    const { merged, conflicts } = mergeComplaint(base, local, server);
    expect(merged).toEqual({ ...server, categoryId: 'cat-sosial' });
    expect(conflicts).toHaveLength(1);
    const keepMine = applyConflictChoices(merged, conflicts, [true]);
    expect(keepMine).toEqual({ ...merged, priority: 'tinggi' });
    expect(applyConflictChoices(merged, conflicts, [false])).toEqual(merged);
  });

  it('never takes reporter identity from the device', () => {
    const local = { ...base, reporter: { name: 'X', phone: '', email: '' } };
    const server = { ...base, reporter: undefined, serverSeq: 11 };
    const { merged } = mergeComplaint(base, local, server);
    expect('reporter' in merged).toBe(false);
  });
});

// Random concurrent edits: each side changes a random subset of the mergeable fields.
const editArbitrary = fc.record(
  {
    priority: fc.constantFrom(...PRIORITIES),
    categoryId: fc.constantFrom('cat-infrastruktur', 'cat-sosial', 'cat-kesehatan'),
    status: fc.constantFrom(...COMPLAINT_STATUSES),
    unitId: fc.constantFrom('', 'unit-pupr', 'unit-dinkes'),
    duplicateOf: fc.constantFrom('', 'c-9'),
    anonim: fc.boolean(),
    rahasia: fc.boolean(),
    title: fc.constantFrom(base.title, 'Judul diperbaiki oleh petugas'),
    locationText: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: [] },
);

describe('mergeFields properties (random concurrent edits)', () => {
  const run = (property: (ours: Complaint, theirs: Complaint) => void) =>
    fc.assert(
      fc.property(editArbitrary, editArbitrary, (a, b) =>
        property({ ...base, ...a }, { ...base, ...b }),
      ),
      { numRuns: 500 },
    );

  it('gives the same merged record whichever side is local', () => {
    run((ours, theirs) => {
      const forward = mergeFields(base, ours, theirs, COMPLAINT_FIELD_GROUPS);
      const backward = mergeFields(base, theirs, ours, COMPLAINT_FIELD_GROUPS);
      expect(forward.merged).toEqual(backward.merged);
      expect(forward.conflicts.map((c) => c.fields)).toEqual(
        backward.conflicts.map((c) => c.fields),
      );
    });
  });

  it('loses no change: every changed field is merged in or listed in a conflict', () => {
    run((ours, theirs) => {
      const { merged, conflicts } = mergeFields(base, ours, theirs, COMPLAINT_FIELD_GROUPS);
      const conflicted = new Set(conflicts.flatMap((c) => c.fields));
      for (const field of MERGEABLE_COMPLAINT_FIELDS) {
        if (conflicted.has(field)) continue;
        const oursChanged = ours[field] !== base[field];
        const theirsChanged = theirs[field] !== base[field];
        if (oursChanged && !theirsChanged) expect(merged[field]).toEqual(ours[field]);
        if (theirsChanged && !oursChanged) expect(merged[field]).toEqual(theirs[field]);
        if (!oursChanged && !theirsChanged) expect(merged[field]).toEqual(base[field]);
      }
      for (const conflict of conflicts) {
        expect(conflict.ours).not.toEqual(conflict.theirs);
      }
    });
  });

  it('is idempotent: merging the result with either side again gives the result', () => {
    run((ours, theirs) => {
      const { merged, conflicts } = mergeFields(base, ours, theirs, COMPLAINT_FIELD_GROUPS);
      if (conflicts.length > 0) return;
      expect(mergeFields(base, merged, theirs, COMPLAINT_FIELD_GROUPS).merged).toEqual(merged);
      expect(mergeFields(base, ours, merged, COMPLAINT_FIELD_GROUPS).merged).toEqual(merged);
      expect(mergeFields(base, merged, merged, COMPLAINT_FIELD_GROUPS).merged).toEqual(merged);
    });
  });

  it('has no conflicts when one side did not edit', () => {
    run((ours) => {
      const { merged, conflicts } = mergeFields(base, ours, base, COMPLAINT_FIELD_GROUPS);
      expect(conflicts).toEqual([]);
      expect(merged).toEqual(ours);
    });
  });

  it('after the officer picks for every conflict, the result holds exactly one side per group', () => {
    fc.assert(
      fc.property(
        editArbitrary,
        editArbitrary,
        fc.array(fc.boolean(), { maxLength: 12 }),
        (a, b, picks) => {
          const ours = { ...base, ...a };
          const theirs = { ...base, ...b, serverSeq: 11 };
          const { merged, conflicts } = mergeComplaint(base, ours, theirs);
          const resolved = applyConflictChoices(merged, conflicts, picks);
          conflicts.forEach((conflict, index) => {
            const side = picks[index] ? conflict.ours : conflict.theirs;
            for (const field of conflict.fields) expect(resolved[field]).toEqual(side[field]);
          });
          expect(resolved.serverSeq).toBe(11);
        },
      ),
      { numRuns: 300 },
    );
  });
});
