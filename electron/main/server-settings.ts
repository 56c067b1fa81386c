import { parseServerUrl } from './server-url.ts';

/** Where the central server's address came from. */
export type ServerSource = 'env' | 'saved' | 'none';

/**
 * The central server this installation syncs with: `LAPOR_SERVER_URL` when the administrator
 * set it (an invalid value is an error), else the address the officer chose at first run
 * (kept in a small settings file), else none yet — the workstation then asks for one.
 */
export function chooseServer(
  envValue: string | undefined,
  savedFile: string | null,
): { origin: string | null; source: ServerSource } {
  if (envValue !== undefined && envValue.trim() !== '') {
    return { origin: parseServerUrl(envValue).origin, source: 'env' };
  }
  if (savedFile !== null) {
    try {
      const saved = JSON.parse(savedFile) as { serverUrl?: unknown };
      if (typeof saved.serverUrl === 'string') {
        return { origin: parseServerUrl(saved.serverUrl).origin, source: 'saved' };
      }
    } catch {
      // A damaged settings file is the same as none: the officer is asked again.
    }
  }
  return { origin: null, source: 'none' };
}

export function serverSettingsFileContent(origin: string): string {
  return `${JSON.stringify({ serverUrl: parseServerUrl(origin).origin })}\n`;
}
