import { describe, expect, it } from 'vitest';
import { NATIONAL_CATEGORIES } from '../../../shared/domain/national-categories.ts';
import {
  planInstansiSetup,
  type ExistingInstansiFacts,
  type InstansiSetupInput,
} from '../../../server/setup/plan-instansi-setup.ts';

const VALID: InstansiSetupInput = {
  code: 'pemkab-paser',
  name: 'Pemerintah Kabupaten Paser',
  shortName: 'Pemkab Paser',
  timeZone: 'WITA',
  regionCode: '64.01',
  adminUsername: 'admin.paser',
  adminDisplayName: 'Admin Diskominfo Paser',
  password: 'Tanah-Grogot-2026',
};
const EMPTY_SERVER: ExistingInstansiFacts = {
  instansiCodeTaken: false,
  usernameTaken: false,
  trackingPrefixes: [],
};

function counter() {
  let next = 0;
  return () => `id-${++next}`;
}

describe('planInstansiSetup', () => {
  it('plans the instansi in its time zone, the national categories and the first admin', () => {
    const decision = planInstansiSetup(VALID, EMPTY_SERVER, counter());
    expect(decision.ok).toBe(true);
    if (!decision.ok) return;
    expect(decision.plan.instansi).toEqual({
      id: 'pemkab-paser',
      name: 'Pemerintah Kabupaten Paser',
      shortName: 'Pemkab Paser',
      utcOffsetMinutes: 480,
      regionCode: '64.01',
      address: '',
    });
    expect(decision.plan.trackingPrefix).toBe('PASER');
    expect(decision.plan.categories.map((category) => category.code)).toEqual(
      NATIONAL_CATEGORIES.map((category) => category.code),
    );
    expect(new Set(decision.plan.categories.map((category) => category.id)).size).toBe(14);
    expect(decision.plan.admin).toMatchObject({
      username: 'admin.paser',
      displayName: 'Admin Diskominfo Paser',
    });
  });

  it.each([
    ['WIB', 420],
    ['WIT', 540],
  ])('counts deadlines in %s as UTC offset %i minutes', (timeZone, offset) => {
    const decision = planInstansiSetup({ ...VALID, timeZone }, EMPTY_SERVER, counter());
    expect(decision.ok && decision.plan.instansi.utcOffsetMinutes).toBe(offset);
  });

  it('refuses a code that already exists, so running it twice creates nothing', () => {
    const decision = planInstansiSetup(
      VALID,
      { ...EMPTY_SERVER, instansiCodeTaken: true },
      counter(),
    );
    expect(decision).toEqual({
      ok: false,
      errors: [expect.stringContaining('sudah ada')],
    });
  });

  it('refuses a username taken in any instansi', () => {
    const decision = planInstansiSetup(VALID, { ...EMPTY_SERVER, usernameTaken: true }, counter());
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.errors.join()).toContain('admin.paser');
  });

  it('refuses a short name whose tracking-number prefix another instansi already uses', () => {
    const decision = planInstansiSetup(
      { ...VALID, code: 'pemkot-paser', shortName: 'Kota Paser' },
      { ...EMPTY_SERVER, trackingPrefixes: ['KALTIM', 'PASER'] },
      counter(),
    );
    expect(!decision.ok && decision.errors.join()).toContain('PASER');
  });

  it('holds the password to the rule for officers an admin creates or resets', () => {
    const decision = planInstansiSetup(
      { ...VALID, password: 'pendek123' },
      EMPTY_SERVER,
      counter(),
    );
    expect(!decision.ok && decision.errors).toEqual([
      expect.stringMatching(/^admin: Kata sandi minimal 10 karakter/),
    ]);
  });

  it.each([
    ['a region code of a kota', '64.72', true],
    ['a province code', '64', true],
    ['a district code (too deep for an instansi)', '64.72.01', false],
    ['regency 70, between kabupaten and kota', '64.70', false],
    ['province 00', '00', false],
    ['text', 'kaltim', false],
  ])('checks the Kemendagri code: %s', (_case, regionCode, accepted) => {
    expect(planInstansiSetup({ ...VALID, regionCode }, EMPTY_SERVER, counter()).ok).toBe(accepted);
  });

  it('lists every reason at once for an empty or hostile input', () => {
    const decision = planInstansiSetup(
      {
        code: "x'; DROP TABLE instansi; --",
        name: '',
        shortName: '!!',
        timeZone: 'UTC',
        regionCode: '',
        adminUsername: '../root',
        adminDisplayName: '',
        password: '',
      },
      EMPTY_SERVER,
      counter(),
    );
    expect(decision.ok).toBe(false);
    const fields = !decision.ok ? decision.errors.map((error) => error.split(':')[0]) : [];
    expect(fields).toEqual(
      expect.arrayContaining(['code', 'name', 'shortName', 'timeZone', 'regionCode', 'admin']),
    );
  });
});
