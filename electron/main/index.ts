import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, session, shell } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME, contentTypeOf, resolveAppFile } from './app-protocol.ts';
import { createBridgeHandlers } from './bridge-handlers.ts';
import { buildContentSecurityPolicy } from './content-security-policy.ts';
import { externalLinkTarget, isAllowedNavigation } from './navigation-policy.ts';
import { parseServerUrl } from './server-url.ts';
import { createSessionStore } from './session-store.ts';

const serverOrigin = parseServerUrl(process.env.LAPOR_SERVER_URL).origin;
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererRoot = join(import.meta.dirname, '../renderer');
const allowedOrigins = [APP_ORIGIN, ...(devServerUrl ? [new URL(devServerUrl).origin] : [])];
const contentSecurityPolicy = buildContentSecurityPolicy(serverOrigin);

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
}

async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppFile(request.url, rendererRoot);
  if (!file) return new Response('Not found', { status: 404 });
  const response = await net.fetch(pathToFileURL(file).toString());
  if (!response.ok) return new Response('Not found', { status: 404 });
  return new Response(response.body, {
    headers: {
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
    },
  });
}

function registerBridge(): void {
  const sessionFile = join(app.getPath('userData'), 'session.bin');
  const handlers = createBridgeHandlers({
    appInfo: { shell: 'desktop', version: app.getVersion(), platform: process.platform },
    serverUrl: serverOrigin,
    sessions: createSessionStore({
      safeStorage,
      platform: process.platform,
      warn: (message) => console.warn(message),
      files: {
        read: () => readFile(sessionFile).catch(() => null),
        write: (data) => writeFile(sessionFile, data, { mode: 0o600 }),
        remove: () => rm(sessionFile, { force: true }),
      },
    }),
  });
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      // Only the workstation's own pages may use the bridge.
      if (!isAllowedNavigation(event.senderFrame?.url ?? '', allowedOrigins)) {
        throw new Error(`${channel}: refused for ${event.senderFrame?.url ?? 'unknown frame'}`);
      }
      return handler(...args);
    });
  }
}

async function start(): Promise<void> {
  protocol.handle(APP_SCHEME, serveAppFile);
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // The dev server's pages get the same CSP as the packaged ones.
    const fromDevServer = devServerUrl !== undefined && details.url.startsWith(devServerUrl);
    callback({
      responseHeaders: fromDevServer
        ? { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] }
        : details.responseHeaders,
    });
  });
  registerBridge();

  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: 'Lapor Workstation',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, allowedOrigins)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  await window.loadURL(devServerUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`);
}
