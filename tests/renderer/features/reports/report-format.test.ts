import { describe, expect, it } from 'vitest';
import { describeChange } from '../../../../renderer/src/features/reports/report-format.ts';

describe('describeChange', () => {
  it('writes a change of a rate in percentage points, not in percent', () => {
    expect(describeChange(98.6, 99.6, 'rate')).toEqual({
      previous: '99,6 %',
      change: '(−1,0 poin)',
    });
    expect(describeChange(93.2, 89.8, 'rate')).toEqual({
      previous: '89,8 %',
      change: '(+3,4 poin)',
    });
    expect(describeChange(50, 50, 'rate')?.change).toBe('(±0,0 poin)');
  });

  it('writes a change of a count in reports', () => {
    expect(describeChange(1_250, 1_000, 'count')).toEqual({ previous: '1.000', change: '(+250)' });
  });

  it('has nothing to compare when either period has no figure', () => {
    expect(describeChange(93.2, null, 'rate')).toBeNull();
    expect(describeChange(null, 93.2, 'rate')).toBeNull();
  });
});
