/**
 * The application id: electron-builder's appId, and on Windows the AppUserModelID the
 * installer gives the Start-menu shortcut — notifications show only when the running app
 * uses the same one.
 */
export const APP_ID = 'id.go.lapor.workstation';
export const PRODUCT_NAME = 'Lapor Workstation';
