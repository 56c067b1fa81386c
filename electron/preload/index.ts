import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHANNELS,
  type AppInfo,
  type ExportFile,
  type SaveOutcome,
  type StoredSession,
  type WorkstationBridge,
} from '../../shared/bridge.ts';

const bridge = {
  appInfo: () => ipcRenderer.invoke(BRIDGE_CHANNELS.appInfo) as Promise<AppInfo>,
  serverUrl: () => ipcRenderer.invoke(BRIDGE_CHANNELS.serverUrl) as Promise<string>,
  saveSession: (session: StoredSession) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveSession, session) as Promise<void>,
  loadSession: () =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.loadSession) as Promise<StoredSession | null>,
  clearSession: () => ipcRenderer.invoke(BRIDGE_CHANNELS.clearSession) as Promise<void>,
  saveReportPdf: (suggestedName: string) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveReportPdf, suggestedName) as Promise<SaveOutcome>,
  saveFile: (file: ExportFile) =>
    ipcRenderer.invoke(BRIDGE_CHANNELS.saveFile, file) as Promise<SaveOutcome>,
} satisfies WorkstationBridge;

contextBridge.exposeInMainWorld('workstation', bridge);
