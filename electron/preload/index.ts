import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_CHANNELS,
  type AppInfo,
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
} satisfies WorkstationBridge;

contextBridge.exposeInMainWorld('workstation', bridge);
