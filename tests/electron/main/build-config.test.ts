import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../../electron/main/app-identity.ts';
import { buildConfiguration, MAIN_RUNTIME_DEPENDENCIES } from '../../../electron-builder.config.ts';

const root = resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);
// electron-builder's own check of a configuration against its schema.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (
    config: unknown,
    logger: { isEnabled: boolean; add: () => void },
  ) => Promise<void>;
};

const config = buildConfiguration({});
const files = config.files as string[];

/** The packages a TypeScript module and the modules it imports (relatively) load at run time. */
function runtimePackagesOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
      const [, typeOnly, specifier] = match;
      if (typeOnly || !specifier) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:') && specifier !== 'electron') {
        const parts = specifier.split('/');
        packages.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''));
      }
    }
  };
  visit(entry);
  return packages;
}

describe('desktop packaging (electron-builder)', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(
      validateConfiguration(config, { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration(
        buildConfiguration({ LAPOR_UPDATE_URL: 'https://pembaruan.example.go.id/lapor' }),
        {
          isEnabled: false,
          add: () => undefined,
        },
      ),
    ).resolves.toBeUndefined();
    // Loading electron-builder's schema validator takes seconds on a busy machine.
  }, 30_000);

  it('builds a Windows NSIS installer and Linux AppImage and deb packages', () => {
    expect(config.appId).toBe('id.go.lapor.workstation');
    // The running app uses the same id for Windows notifications (electron/main/index.ts).
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe('Lapor Workstation');
    const targetsOf = (platform: unknown) =>
      ((platform as { target: { target: string }[] }).target ?? []).map((entry) => entry.target);
    expect(targetsOf(config.win)).toEqual(['nsis']);
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toBeTruthy();
  });

  it('uses the committed 512 × 512 icon', () => {
    const icon = join(root, config.icon as string);
    expect(existsSync(icon)).toBe(true);
    const png = readFileSync(icon);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });

  it('registers the lapor:// scheme for deep links', () => {
    expect(config.protocols).toEqual([{ name: 'Lapor Workstation', schemes: ['lapor'] }]);
  });

  it('ships only the built app: no sources, tests, server, secrets or source maps', () => {
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    expect(included.sort()).toEqual(
      ['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json'].sort(),
    );
    for (const forbidden of [
      'tests',
      'server',
      'shared',
      'electron',
      'renderer',
      'scripts',
      '.env',
      '.data',
    ]) {
      expect(included.some((pattern) => pattern.startsWith(forbidden))).toBe(false);
    }
    expect(files).toContain('!**/*.map');
    expect(files).toContain('!out/renderer/sw.js');
  });

  it('leaves out the server’s packages but keeps every package the main process loads', () => {
    const dependencies = Object.keys(
      (
        JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
          dependencies: Record<string, string>;
        }
      ).dependencies,
    );
    for (const serverPackage of ['@electric-sql/pglite', 'pg', 'fastify']) {
      expect(files).toContain(`!node_modules/${serverPackage}/**`);
    }
    const loaded = runtimePackagesOf(join(root, 'electron/main/index.ts'));
    for (const name of loaded) {
      if (!dependencies.includes(name)) continue; // bundled dev dependency
      expect(MAIN_RUNTIME_DEPENDENCIES, `${name} is loaded by the main process`).toContain(name);
      expect(files).not.toContain(`!node_modules/${name}/**`);
    }
    for (const name of MAIN_RUNTIME_DEPENDENCIES) expect(dependencies).toContain(name);
    expect(loaded.has('electron-updater')).toBe(true);
  });

  it('builds the update folder into the installers only when LAPOR_UPDATE_URL is given', () => {
    expect(config.publish).toBeNull();
    expect(
      buildConfiguration({ LAPOR_UPDATE_URL: ' https://pembaruan.example.go.id/lapor ' }).publish,
    ).toEqual([{ provider: 'generic', url: 'https://pembaruan.example.go.id/lapor/' }]);
    expect(() =>
      buildConfiguration({ LAPOR_UPDATE_URL: 'http://pembaruan.example.go.id' }),
    ).toThrow(/https/);
  });

  it('has a "dist" script per platform that builds first', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts['dist:linux']).toMatch(/^npm run build && electron-builder .*--linux/);
    expect(scripts['dist:win']).toMatch(/^npm run build && electron-builder .*--win/);
    expect(readdirSync(join(root, 'resources'))).toContain('icon.svg');
  });
});
