import type { StoredSession } from './stored-session.ts';
import type { DesktopNotification, NotifyOutcome } from './desktop/desktop-notification.ts';
import type { ServerCheck } from './desktop/check-server.ts';

export type { StoredSession, DesktopNotification, NotifyOutcome, ServerCheck };

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
  /**
   * The central server this workstation syncs with; null on a desktop installation that has
   * none yet (first run), which then asks the officer.
   */
  serverUrl(): Promise<string | null>;
  /** Asks a server address whether a ready Lapor central server answers there. */
  testServer(address: string): Promise<ServerCheck>;
  /**
   * Makes the address this installation's server (desktop; refused where LAPOR_SERVER_URL sets
   * it, and in the web build, which uses the server that served it). Reload the page after.
   */
  setServerUrl(address: string): Promise<string>;
  /** Stores the session so a restart (even offline) resumes it; encrypted where the OS allows. */
  saveSession(session: StoredSession): Promise<void>;
  loadSession(): Promise<StoredSession | null>;
  clearSession(): Promise<void>;
  /**
   * The officer's key for the replica's encrypted fields, kept by the OS key store (desktop);
   * null where there is none (the web build, or an OS without encryption): the key is then
   * derived from the officer's password.
   */
  replicaKey(officerId: string): Promise<string | null>;
  /** Forgets the officer's replica key once the replica has left the device. */
  forgetReplicaKey(officerId: string): Promise<void>;
  /**
   * Prints the current page (a report with its print stylesheet) to an A4 PDF saved where the
   * officer chooses; the web build opens the browser's print dialog instead.
   */
  saveReportPdf(suggestedName: string): Promise<SaveOutcome>;
  /** Saves an export where the officer chooses (desktop) or downloads it (web). */
  saveFile(file: ExportFile): Promise<SaveOutcome>;
  /** Shows an OS notification (desktop) or a Web Notification when the browser allows one. */
  notify(notification: DesktopNotification): Promise<NotifyOutcome>;
  /** Edits not yet accepted by the server; quitting with some asks first. */
  reportPendingChanges(count: number): Promise<void>;
  /**
   * Calls the listener with the tracking number of each `lapor://pengaduan/…` link the officer
   * opens (including the one that started the app); returns a function that stops listening.
   */
  onOpenComplaint(listener: (trackingNumber: string) => void): () => void;
  /** Calls the listener when the officer picks Bantuan → Panduan in the application menu. */
  onOpenHelp(listener: () => void): () => void;
}

export const BRIDGE_CHANNELS = {
  appInfo: 'workstation:app-info',
  serverUrl: 'workstation:server-url',
  testServer: 'workstation:test-server',
  setServerUrl: 'workstation:set-server-url',
  saveSession: 'workstation:save-session',
  loadSession: 'workstation:load-session',
  clearSession: 'workstation:clear-session',
  replicaKey: 'workstation:replica-key',
  forgetReplicaKey: 'workstation:forget-replica-key',
  saveReportPdf: 'workstation:save-report-pdf',
  saveFile: 'workstation:save-file',
  notify: 'workstation:notify',
  reportPendingChanges: 'workstation:report-pending-changes',
  /** Invoked when the page starts listening; answers with a link that was waiting. */
  onOpenComplaint: 'workstation:open-complaint-listening',
  /** Main → page only: the menu's help entry. */
  onOpenHelp: 'workstation:open-help',
} as const satisfies Record<keyof WorkstationBridge, string>;

/** Main → page: a deep link or a clicked notification opens this tracking number. */
export const OPEN_COMPLAINT_EVENT = 'workstation:open-complaint';
