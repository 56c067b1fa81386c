import type { StoredSession } from './stored-session.ts';

export type { StoredSession };

export type AppInfo = {
  shell: 'desktop' | 'web';
  version: string;
  platform: string;
};

/**
 * The one object the renderer uses for anything outside the page. The Electron preload
 * implements it over IPC, the web build implements it with browser APIs.
 */
export interface WorkstationBridge {
  appInfo(): Promise<AppInfo>;
  /** The central server this workstation syncs with. */
  serverUrl(): Promise<string>;
  /** Stores the session so a restart (even offline) resumes it; encrypted where the OS allows. */
  saveSession(session: StoredSession): Promise<void>;
  loadSession(): Promise<StoredSession | null>;
  clearSession(): Promise<void>;
}

export const BRIDGE_CHANNELS = {
  appInfo: 'workstation:app-info',
  serverUrl: 'workstation:server-url',
  saveSession: 'workstation:save-session',
  loadSession: 'workstation:load-session',
  clearSession: 'workstation:clear-session',
} as const satisfies Record<keyof WorkstationBridge, string>;
