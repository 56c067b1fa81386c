import { describe, expect, it } from 'vitest';
import {
  decideDirectoryWrite,
  HOLIDAY_RULES,
  SLA_RULES,
  UNIT_RULES,
  type DirectoryWriteContext,
} from '../../../server/directory/decide-directory-write.ts';
import { isHolidayDate } from '../../../shared/schemas/holiday-date.ts';
import type { Holiday } from '../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../shared/schemas/sla-rule-set.ts';
import type { Unit } from '../../../shared/schemas/unit.ts';
import {
  localDateOf,
  startOfLocalDate,
} from '../../../renderer/src/features/admin/directory-forms.ts';

const NOW = Date.UTC(2026, 10, 23, 6);
const DAY = 86_400_000;
const admin: DirectoryWriteContext = {
  officer: { role: 'admin_instansi', instansiId: 'kaltim' },
  now: NOW,
  keyTakenByAnother: false,
};

const unit: Unit = {
  id: 'u1',
  instansiId: 'kaltim',
  code: 'BPBD',
  name: 'Badan Penanggulangan Bencana Daerah',
  shortName: 'BPBD',
  active: true,
  updatedAt: NOW,
  serverSeq: 7,
};

const holiday: Holiday = {
  id: 'kaltim:2026-12-24',
  instansiId: 'kaltim',
  date: '2026-12-24',
  name: 'Cuti bersama Natal',
  kind: 'cuti_bersama',
  updatedAt: NOW,
  serverSeq: 9,
};

const ruleSet: SlaRuleSetDocument = {
  id: 's1',
  instansiId: 'kaltim',
  version: 'Permen 2026',
  counting: 'working',
  verifyDays: 3,
  firstFollowUpDays: 5,
  resolutionDays: 14,
  resolutionSupervisedDays: 60,
  resolutionAspirationDays: 30,
  autoCloseDays: 10,
  activeFrom: NOW - 30 * DAY,
  updatedAt: NOW,
  serverSeq: 11,
};

const wire = <T>(document: T, deleted = false) => ({ ...document, _deleted: deleted });

describe('decideDirectoryWrite', () => {
  it('refuses every role but the Admin Instansi, before looking at the content', () => {
    for (const role of ['penghubung', 'koordinator'] as const) {
      expect(
        decideDirectoryWrite(UNIT_RULES, null, undefined, wire(unit), {
          ...admin,
          officer: { role, instansiId: 'kaltim' },
        }),
      ).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
    }
  });

  it('creates, updates only changed fields, and treats a repeat as unchanged', () => {
    expect(decideDirectoryWrite(UNIT_RULES, null, undefined, wire(unit), admin)).toMatchObject({
      kind: 'create',
      values: { code: 'BPBD', active: true },
    });
    expect(
      decideDirectoryWrite(UNIT_RULES, unit, unit, wire({ ...unit, active: false }), admin),
    ).toEqual({
      kind: 'update',
      values: { code: 'BPBD', name: unit.name, shortName: 'BPBD', active: false },
      fields: ['active'],
    });
    expect(decideDirectoryWrite(UNIT_RULES, unit, undefined, wire(unit), admin)).toEqual({
      kind: 'unchanged',
    });
  });

  it('answers a stale edit with a conflict and a duplicate code with a refusal', () => {
    expect(
      decideDirectoryWrite(UNIT_RULES, unit, { serverSeq: 3 }, wire({ ...unit, name: 'X' }), admin),
    ).toEqual({ kind: 'conflict' });
    expect(
      decideDirectoryWrite(UNIT_RULES, null, undefined, wire(unit), {
        ...admin,
        keyTakenByAnother: true,
      }),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'validation' } });
  });

  it('never deletes a unit, and never writes into another instansi', () => {
    expect(decideDirectoryWrite(UNIT_RULES, unit, unit, wire(unit, true), admin)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'permission' },
    });
    expect(
      decideDirectoryWrite(
        UNIT_RULES,
        null,
        undefined,
        wire({ ...unit, instansiId: 'lain' }),
        admin,
      ),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'permission' } });
  });

  it('removes a holiday by a tombstone and lets the same date be entered again', () => {
    expect(
      decideDirectoryWrite(HOLIDAY_RULES, holiday, holiday, wire(holiday, true), admin),
    ).toEqual({ kind: 'remove' });
    const tombstone = { ...holiday, deleted: true, serverSeq: 12 };
    expect(
      decideDirectoryWrite(HOLIDAY_RULES, tombstone, { serverSeq: 12 }, wire(holiday), admin),
    ).toMatchObject({ kind: 'update' });
    expect(
      decideDirectoryWrite(HOLIDAY_RULES, tombstone, { serverSeq: 12 }, wire(holiday, true), admin),
    ).toEqual({ kind: 'unchanged' });
  });

  it('refuses a holiday whose id does not match its date', () => {
    expect(
      decideDirectoryWrite(
        HOLIDAY_RULES,
        null,
        undefined,
        wire({ ...holiday, date: '2026-12-25' }),
        admin,
      ),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'validation' } });
  });

  it('refuses an edit of the rule set in force and a new version that does not start in the future', () => {
    expect(
      decideDirectoryWrite(SLA_RULES, ruleSet, ruleSet, wire({ ...ruleSet, verifyDays: 4 }), admin),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'lifecycle' } });
    const next = { ...ruleSet, id: 's2', version: 'Perbup 2027', activeFrom: NOW };
    expect(decideDirectoryWrite(SLA_RULES, null, undefined, wire(next), admin)).toMatchObject({
      kind: 'refuse',
      reason: { code: 'lifecycle' },
    });
    expect(
      decideDirectoryWrite(
        SLA_RULES,
        null,
        undefined,
        wire({ ...next, activeFrom: NOW + DAY }),
        admin,
      ),
    ).toMatchObject({ kind: 'create' });
    expect(
      decideDirectoryWrite(
        SLA_RULES,
        null,
        undefined,
        wire({ ...next, activeFrom: NOW + DAY, autoCloseDays: 0 }),
        admin,
      ),
    ).toMatchObject({ kind: 'refuse', reason: { code: 'validation' } });
  });
});

describe('holiday dates and local days', () => {
  it('accepts real calendar days within the kept years only', () => {
    expect(isHolidayDate('2028-02-29')).toBe(true);
    expect(isHolidayDate('2027-02-29')).toBe(false);
    expect(isHolidayDate('2026-13-01')).toBe(false);
    expect(isHolidayDate('1999-12-31')).toBe(false);
    expect(isHolidayDate('26-12-2026')).toBe(false);
  });

  it('starts a local date at midnight in the instansi zone (WITA is UTC+8)', () => {
    const start = startOfLocalDate('2027-01-01', 480);
    expect(new Date(start).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(localDateOf(start, 480)).toBe('2027-01-01');
    expect(localDateOf(start - 1, 480)).toBe('2026-12-31');
  });
});
