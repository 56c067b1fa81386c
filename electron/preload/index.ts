import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHANNELS,
  OPEN_COMPLAINT_EVENT,
  type AppInfo,
  type DesktopNotification,
  type NotifyOutcome,
  type ExportFile,
  type SaveOutcome,
  type ServerCheck,
  type StoredSession,
  type WorkstationBridge,
} from '../../shared/bridge.ts';

const bridge = {
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo) as Promise<AppInfo>,
  serverUrl: () => ipcRenderer.invoke(BRIDGE_CHANNELS.serverUrl) as Promise<string | null>,
  testServer: (address: string) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.testServer, address) as Promise<ServerCheck>,
  setServerUrl: (address: string) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.setServerUrl, address) as Promise<string>,
  saveSession: (session: StoredSession) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveSession, session) as Promise<void>,
  loadSession: () =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.loadSession) as Promise<StoredSession | null>,
  clearSession: () => ipcRenderer.invoke(BRIDGE_CHANNELS.clearSession) as Promise<void>,
  replicaKey: (officerId: string) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.replicaKey, officerId) as Promise<string | null>,
  forgetReplicaKey: (officerId: string) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.forgetReplicaKey, officerId) as Promise<void>,
  saveReportPdf: (suggestedName: string) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveReportPdf, suggestedName) as Promise<SaveOutcome>,
  saveFile: (file: ExportFile) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, file) as Promise<SaveOutcome>,
  notify: (notification: DesktopNotification) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.notify, notification) as Promise<NotifyOutcome>,
  reportPendingChanges: (count: number) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.reportPendingChanges, count) as Promise<void>,
  onOpenComplaint: (listener: (trackingNumber: string) => void) => {
    // Only the tracking number crosses over; the IPC event object stays in the preload.
    const forward = (_event: unknown, trackingNumber: unknown) => {
      if (typeof trackingNumber === 'string') listener(trackingNumber);
    };
    ipcRenderer.on(OPEN_COMPLAINT_EVENT, forward);
    void (ipcRenderer.invoke(BRIDGE_CHANNELS.onOpenComplaint) as Promise<string | null>).then(
      (waiting) => {
        if (waiting) listener(waiting);
      },
    );
    return () => void ipcRenderer.removeListener(OPEN_COMPLAINT_EVENT, forward);
  },
  onOpenHelp: (listener: () => void) => {
    const forward = () => listener();
    ipcRenderer.on(BRIDGE_CHANNELS.onOpenHelp, forward);
    return () => void ipcRenderer.removeListener(BRIDGE_CHANNELS.onOpenHelp, forward);
  },
} satisfies WorkstationBridge;

contextBridge.exposeInMainWorld('workstation', bridge);
