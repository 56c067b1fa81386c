import { describe, expect, it } from 'vitest';
import {
  complaintSchema,
  complaintClassificationSchema,
  regionCodeSchema,
} from '../../../shared/schemas/complaint.ts';
import { officerSchema } from '../../../shared/schemas/officer.ts';
import { loginRequestSchema, pullQuerySchema } from '../../../shared/api/contract.ts';
import { sampleComplaint } from '../../support/sample-complaint.ts';

describe('complaint schema', () => {
  it('accepts a complete complaint', () => {
    expect(complaintSchema.parse(sampleComplaint())).toEqual(sampleComplaint());
  });

  it.each([
    ['an unknown status', { status: 'dibuka' }],
    ['an unknown priority', { priority: 'kritis' }],
    ['a too short title', { title: 'Ok' }],
    ['a region code in the wrong shape', { regionCode: '64.72.1' }],
    ['a negative time', { receivedAt: -1 }],
    ['a fractional change number', { serverSeq: 1.5 }],
  ])('refuses %s', (_name, change) => {
    expect(complaintSchema.safeParse({ ...sampleComplaint(), ...change }).success).toBe(false);
  });

  it('keeps reporter identity optional, so it can be left out for roles that may not see it', () => {
    const { reporter: _reporter, ...withoutIdentity } = sampleComplaint();
    expect(complaintSchema.safeParse(withoutIdentity).success).toBe(true);
  });

  it('checks the Kemendagri region code shape pp.kk.cc.dddd', () => {
    expect(regionCodeSchema.safeParse('64.72.01.1001').success).toBe(true);
    expect(regionCodeSchema.safeParse('6472011001').success).toBe(false);
  });

  it('limits the classification form to category and priority', () => {
    expect(Object.keys(complaintClassificationSchema.shape).sort()).toEqual([
      'categoryId',
      'priority',
    ]);
  });
});

describe('officer and API contract schemas', () => {
  it('requires a known role', () => {
    const officer = {
      id: 'o1',
      username: 'admin.x',
      displayName: 'A',
      role: 'admin_instansi',
      instansiId: 'i',
      unitId: '',
    };
    expect(officerSchema.safeParse(officer).success).toBe(true);
    expect(officerSchema.safeParse({ ...officer, role: 'superuser' }).success).toBe(false);
  });

  it('names the missing login fields in Indonesian', () => {
    const result = loginRequestSchema.safeParse({ username: ' ', password: '', deviceId: 'd' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Nama pengguna wajib diisi',
      'Kata sandi wajib diisi',
    ]);
  });

  it('parses the pull checkpoint and defaults the page size', () => {
    expect(pullQuerySchema.parse({ checkpoint: '{"seq":42}' })).toEqual({
      checkpoint: { seq: 42 },
      limit: 200,
    });
    expect(pullQuerySchema.parse({})).toEqual({ checkpoint: { seq: 0 }, limit: 200 });
    expect(pullQuerySchema.safeParse({ checkpoint: 'not json' }).success).toBe(false);
    expect(pullQuerySchema.safeParse({ limit: '5000' }).success).toBe(false);
  });
});
