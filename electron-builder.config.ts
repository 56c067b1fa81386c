import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { APP_ID, PRODUCT_NAME } from './electron/main/app-identity.ts';
import { parseUpdateUrl } from './electron/main/update-feed.ts';

/**
 * Packaging of the desktop app: `npm run dist` (this platform), `npm run dist:linux`,
 * `npm run dist:win`. Set LAPOR_UPDATE_URL when building a release to build the update folder
 * into the installers; without it the installers check for updates only where LAPOR_UPDATE_URL
 * is set on the officer's machine.
 */

/**
 * Packages the main process loads at run time. electron-vite leaves `dependencies` out of the
 * main bundle, so these must ship; the renderer is bundled whole and the server's packages
 * (database, HTTP) have no place in the desktop app.
 */
export const MAIN_RUNTIME_DEPENDENCIES = ['electron-updater', 'zod'] as const;

const packageJson = JSON.parse(readFileSync(join(import.meta.dirname, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

export function buildConfiguration(env: Record<string, string | undefined>): Configuration {
  const updateUrl = env.LAPOR_UPDATE_URL?.trim();
  const leftOut = Object.keys(packageJson.dependencies)
    .filter((name) => !(MAIN_RUNTIME_DEPENDENCIES as readonly string[]).includes(name))
    .map((name) => `!node_modules/${name}/**`);
  return {
    appId: APP_ID,
    productName: PRODUCT_NAME,
    copyright: 'Lapor Workstation',
    directories: { output: 'dist', buildResources: 'resources' },
    icon: 'resources/icon.png',
    files: [
      'package.json',
      'out/main/**',
      'out/preload/**',
      'out/renderer/**',
      '!**/*.map',
      // The service worker belongs to the web build; the desktop app serves its files locally.
      '!out/renderer/sw.js',
      '!out/renderer/workbox-*.js',
      ...leftOut,
    ],
    asar: true,
    protocols: [{ name: 'Lapor Workstation', schemes: ['lapor'] }],
    win: { target: [{ target: 'nsis', arch: ['x64'] }] },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      shortcutName: 'Lapor Workstation',
      artifactName: 'lapor-workstation-setup-${version}.${ext}',
      language: '1057', // Bahasa Indonesia
      installerLanguages: ['id_ID', 'en_US'],
    },
    linux: {
      target: [
        { target: 'AppImage', arch: ['x64'] },
        { target: 'deb', arch: ['x64'] },
      ],
      category: 'Office',
      maintainer: 'Lapor Workstation <lapor-workstation@localhost>',
      synopsis: 'Meja kerja petugas pengaduan SP4N-LAPOR!',
      artifactName: 'lapor-workstation-${version}-${arch}.${ext}',
      desktop: { entry: { StartupWMClass: 'Lapor Workstation' } },
    },
    publish: updateUrl ? [{ provider: 'generic', url: parseUpdateUrl(updateUrl).href }] : null,
  };
}

export default buildConfiguration(process.env);
