import type {
  DesktopNotification,
  ExportFile,
  NotifyOutcome,
  WorkstationBridge,
} from '../../../shared/bridge.ts';
import { trackingNumberSchema } from '../../../shared/desktop/desktop-notification.ts';
import { checkServer } from '../../../shared/desktop/check-server.ts';
import { storedSessionSchema, type StoredSession } from '../../../shared/stored-session.ts';

const SESSION_KEY = 'lapor.session';
/** `…/#pengaduan=KALTIM-2611-00042` opens that complaint in the web build. */
const HASH_PREFIX = '#pengaduan=';

let pendingChanges = 0;
let guardingUnload = false;

function trackingNumberInHash(): string | null {
  if (!location.hash.startsWith(HASH_PREFIX)) return null;
  let candidate: string;
  try {
    candidate = decodeURIComponent(location.hash.slice(HASH_PREFIX.length)).toUpperCase();
  } catch {
    return null;
  }
  return trackingNumberSchema.safeParse(candidate).success ? candidate : null;
}

async function showWebNotification(notification: DesktopNotification): Promise<NotifyOutcome> {
  if (!('Notification' in window)) return 'unavailable';
  let permission = Notification.permission;
  if (permission === 'default') permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'unavailable';
  const shown = new Notification(notification.title, {
    body: notification.body,
    tag: notification.kind,
    lang: document.documentElement.lang,
  });
  const trackingNumber = notification.trackingNumber;
  if (trackingNumber) {
    shown.onclick = () => {
      window.focus();
      location.hash = `${HASH_PREFIX}${encodeURIComponent(trackingNumber)}`;
    };
  }
  return 'shown';
}

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
  testServer(address: string) {
    return checkServer(address, (url, init) => fetch(url, init));
  },
  async setServerUrl(): Promise<string> {
    throw new Error('The web build works with the server that served it');
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
  // No OS key store in a browser: the replica key comes from the officer's password.
  async replicaKey() {
    return null;
  },
  async forgetReplicaKey() {},
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
  notify: showWebNotification,
  async reportPendingChanges(count: number) {
    pendingChanges = count;
    if (guardingUnload) return;
    guardingUnload = true;
    // The browser's own "leave site?" question is the web build's unsynced-changes warning.
    window.addEventListener('beforeunload', (event) => {
      if (pendingChanges > 0) event.preventDefault();
    });
  },
  onOpenComplaint(listener: (trackingNumber: string) => void) {
    const open = () => {
      const trackingNumber = trackingNumberInHash();
      if (!trackingNumber) return;
      history.replaceState(null, '', location.pathname + location.search);
      listener(trackingNumber);
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  },
  // The web build has no application menu; F1 and the header button open the help page.
  onOpenHelp() {
    return () => undefined;
  },
} satisfies WorkstationBridge;
