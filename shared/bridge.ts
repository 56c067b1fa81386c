import { z } from 'zod';

/** What the workstation may keep between runs to resume a session without the password. */
export const storedSessionSchema = z.object({
  serverUrl: z.url().max(500),
  refreshToken: z.string().min(20).max(200),
  officerId: z.string().min(1).max(40),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

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
