import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildTimes } from './decide-web-build.ts';

/** One file of each part electron-vite writes (main, preload, renderer), beside the others. */
const OUTPUT_MARKERS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
/** What the build reads: the code it bundles and the configuration that shapes it. */
const SOURCE_DIRS = ['renderer', 'electron', 'shared'];
const SOURCE_FILES = [
  'electron.vite.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];

function modifiedMs(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

function newestIn(dir: string): number {
  let newest = modifiedMs(dir) ?? 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    newest = Math.max(newest, modifiedMs(join(entry.parentPath, entry.name)) ?? 0);
  }
  return newest;
}

export function readWebBuildTimes(root: string): BuildTimes {
  const dirs = SOURCE_DIRS.map((dir) =>
    modifiedMs(join(root, dir)) ? newestIn(join(root, dir)) : 0,
  );
  const files = SOURCE_FILES.map((file) => modifiedMs(join(root, file)) ?? 0);
  return {
    outputsMs: OUTPUT_MARKERS.map((marker) => modifiedMs(join(root, marker))),
    newestSourceMs: Math.max(0, ...dirs, ...files),
  };
}
