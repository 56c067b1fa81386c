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
/** A file the officer keeps: a report table as CSV or XLSX. */
export type ExportFile = { suggestedName: string; data: Uint8Array };

/** What became of a save or print request; `cancelled` when the officer closed the dialog. */
export type SaveOutcome =
  { outcome: 'saved'; location: string } | { outcome: 'printing' | 'cancelled' };

export interface WorkstationBridge {
  appInfo(): Promise<AppInfo>;
  /** The central server this workstation syncs with. */
  serverUrl(): Promise<string>;
  /** Stores the session so a restart (even offline) resumes it; encrypted where the OS allows. */
  saveSession(session: StoredSession): Promise<void>;
  loadSession(): Promise<StoredSession | null>;
  clearSession(): Promise<void>;
  /**
   * Prints the current page (a report with its print stylesheet) to an A4 PDF saved where the
   * officer chooses; the web build opens the browser's print dialog instead.
   */
  saveReportPdf(suggestedName: string): Promise<SaveOutcome>;
  /** Saves an export where the officer chooses (desktop) or downloads it (web). */
  saveFile(file: ExportFile): Promise<SaveOutcome>;
}

export const BRIDGE_CHANNELS = {
  appInfo: 'workstation:app-info',
  serverUrl: 'workstation:server-url',
  saveSession: 'workstation:save-session',
  loadSession: 'workstation:load-session',
  clearSession: 'workstation:clear-session',
  saveReportPdf: 'workstation:save-report-pdf',
  saveFile: 'workstation:save-file',
} as const satisfies Record<keyof WorkstationBridge, string>;
