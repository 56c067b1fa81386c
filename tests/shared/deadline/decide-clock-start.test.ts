import { describe, expect, it } from 'vitest';
import { decideClockStart } from '../../../shared/deadline/decide-clock-start.ts';

const BEFORE = Date.parse('2026-10-09T02:00:00Z');
const NOW = Date.parse('2026-12-07T02:00:00Z');
const disposed = { status: 'didisposisi' as const, unitId: 'unit-pupr', statusChangedAt: BEFORE };

describe('decideClockStart', () => {
  it('restarts the clock when a disposed complaint is re-disposed to another OPD', () => {
    expect(decideClockStart(disposed, { status: 'didisposisi', unitId: 'unit-dinkes' }, NOW)).toBe(
      NOW,
    );
  });

  it('restarts the clock when the status moves', () => {
    expect(
      decideClockStart(disposed, { status: 'ditindaklanjuti', unitId: 'unit-pupr' }, NOW),
    ).toBe(NOW);
  });

  it('keeps the clock when only other fields change', () => {
    expect(decideClockStart(disposed, { status: 'didisposisi', unitId: 'unit-pupr' }, NOW)).toBe(
      BEFORE,
    );
  });
});
