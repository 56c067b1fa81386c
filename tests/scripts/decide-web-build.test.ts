import { describe, expect, it } from 'vitest';
import { decideWebBuild } from '../../scripts/decide-web-build.ts';

describe('decideWebBuild', () => {
  it('skips the build when every output is newer than the newest source', () => {
    expect(decideWebBuild({ outputsMs: [2000, 2100, 2050], newestSourceMs: 1999 })).toEqual({
      build: false,
    });
  });

  it('builds on a first start, with no output yet', () => {
    expect(decideWebBuild({ outputsMs: [null, null, null], newestSourceMs: 1 })).toMatchObject({
      build: true,
      reason: 'no earlier build',
    });
  });

  it('builds when one part of the output is missing (an interrupted build)', () => {
    expect(decideWebBuild({ outputsMs: [2000, null, 2050], newestSourceMs: 1 }).build).toBe(true);
  });

  it('builds when a source changed after the oldest output, even if others are newer', () => {
    expect(decideWebBuild({ outputsMs: [2000, 3000, 3000], newestSourceMs: 2500 })).toMatchObject({
      build: true,
      reason: 'sources changed since the last build',
    });
  });

  it('builds when a source has the same time as the output (coarse file-system clocks)', () => {
    expect(decideWebBuild({ outputsMs: [2000, 2000, 2000], newestSourceMs: 2000 }).build).toBe(
      true,
    );
  });
});
