import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on source text as if it were a file of the repository.
const repository = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: repository });

async function refusedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('shared/ imports only zod and shared/ itself', () => {
  // The first run loads the configuration, its plugins and the TypeScript parser.
  beforeAll(() => eslint.lintText('', { filePath: 'shared/warm-up.ts' }), 60_000);

  it.each([
    ["import { createRxDatabase } from 'rxdb';", 'a library other than zod'],
    ["import type { RxJsonSchema } from 'rxdb';", 'a type from a library'],
    ["import { randomUUID } from 'node:crypto';", 'a Node module'],
    ["import { readFileSync } from 'fs';", 'a Node module without node:'],
    ["import { useState } from 'react';", 'a UI library'],
    ["import { z } from 'zod/v4';", 'a subpath of zod'],
    ["export { z } from 'zod-extra';", 'a re-export from a look-alike'],
    ["import { openReplica } from '../../renderer/src/db/create-replica.ts';", 'the renderer'],
    ["import { app } from '../../server/app.ts';", 'the server'],
    ["import x from '../../package.json';", 'a file above shared/'],
    ["import { rate } from './a/../../../server/app.ts';", 'a climb hidden behind a folder'],
  ])('refuses %s (%s)', async (code) => {
    expect(await refusedImports('shared/reports/fixture.ts', code)).toEqual([
      expect.stringContaining('shared/ is pure'),
    ]);
  });

  it('refuses a climb out of shared/ from a file at its top', async () => {
    expect(
      await refusedImports('shared/fixture.ts', "import { z } from '../zod.ts';"),
    ).toHaveLength(1);
  });

  it('allows zod and files of shared/ at any depth', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { rate } from './compute-rate.ts';",
      "import { CHANNELS } from '../domain/complaint-status.ts';",
      'export const schema = z.object({ rate, channels: z.enum(CHANNELS) });',
    ].join('\n');
    expect(await refusedImports('shared/reports/fixture.ts', code)).toEqual([]);
    expect(await refusedImports('shared/fixture.ts', "import { x } from './domain/x.ts';")).toEqual(
      [],
    );
  });

  it('leaves the renderer free to import libraries', async () => {
    expect(
      await refusedImports(
        'renderer/src/db/fixture.ts',
        "import { createRxDatabase } from 'rxdb';",
      ),
    ).toEqual([]);
  });
});
