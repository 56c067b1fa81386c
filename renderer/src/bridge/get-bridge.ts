import type { WorkstationBridge } from '../../../shared/bridge.ts';
import { webBridge } from './web-bridge.ts';

declare global {
  interface Window {
    /** Present in the desktop app, set by the preload. */
    workstation?: WorkstationBridge;
  }
}

export function getBridge(): WorkstationBridge {
  return window.workstation ?? webBridge;
}

/** True in the desktop app; the web build lacks native dialogs, notifications and menus. */
export function isDesktopShell(): boolean {
  return window.workstation !== undefined;
}
