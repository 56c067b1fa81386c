import type { ExportFile, WorkstationBridge } from '../../../shared/bridge.ts';
import { storedSessionSchema, type StoredSession } from '../../../shared/stored-session.ts';

const SESSION_KEY = 'lapor.session';

/** The bridge of the web build: the server that served the page, session in local storage. */
export const webBridge = {
  async appInfo() {
    return {
      shell: 'web' as const,
      version: import.meta.env.VITE_APP_VERSION ?? 'dev',
      platform: navigator.platform,
    };
  },
  async serverUrl() {
    return import.meta.env.VITE_LAPOR_SERVER_URL ?? window.location.origin;
  },
  async saveSession(session: StoredSession) {
    localStorage.setItem(SESSION_KEY, JSON.stringify(storedSessionSchema.parse(session)));
  },
  async loadSession() {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    try {
      return storedSessionSchema.parse(JSON.parse(raw));
    } catch {
      localStorage.removeItem(SESSION_KEY);
      return null;
    }
  },
  async clearSession() {
    localStorage.removeItem(SESSION_KEY);
  },
  async saveReportPdf() {
    // The browser's print dialog offers "Save as PDF"; the print stylesheet lays out the page.
    window.print();
    return { outcome: 'printing' as const };
  },
  async saveFile(file: ExportFile) {
    const url = URL.createObjectURL(new Blob([file.data as Uint8Array<ArrayBuffer>]));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.suggestedName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { outcome: 'saved' as const, location: file.suggestedName };
  },
} satisfies WorkstationBridge;
