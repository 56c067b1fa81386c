import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const MODULE = new URL('../../server/on-parent-exit.ts', import.meta.url).pathname;
let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

async function waitFor(check: () => boolean, attempts = 100): Promise<boolean> {
  for (let i = 0; i < attempts; i += 1) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

describe('onParentExit', () => {
  it('stops a script whose `sh -c` parent was ended by a SIGTERM it did not pass on', async () => {
    folder = mkdtempSync(join(tmpdir(), 'lapor-orphan-'));
    const script = join(folder, 'child.ts');
    const report = join(folder, 'report');
    writeFileSync(
      script,
      `import { writeFileSync } from 'node:fs';
import { onParentExit } from ${JSON.stringify(MODULE)};
const keepAlive = setInterval(() => {}, 1000);
setTimeout(() => process.exit(1), 20_000).unref(); // never outlive a failed run
writeFileSync(${JSON.stringify(report)}, 'started');
onParentExit(() => {
  writeFileSync(${JSON.stringify(report)}, 'parent gone');
  clearInterval(keepAlive);
}, 50);
`,
    );
    // "; true" keeps sh as the parent instead of replacing itself with node, as npm's shell does.
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${script}"; true`], {
      stdio: 'ignore',
    });
    expect(await waitFor(() => readOr(report) === 'started')).toBe(true);
    shell.kill('SIGTERM');
    expect(await waitFor(() => readOr(report) === 'parent gone')).toBe(true);
  });
});
