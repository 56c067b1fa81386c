import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  type WebContents,
} from 'electron';
import electronUpdater from 'electron-updater';
import { APP_ORIGIN, APP_SCHEME, contentTypeOf, resolveAppFile } from './app-protocol.ts';
import { createBridgeHandlers } from './bridge-handlers.ts';
import { createDocumentHandlers } from './document-handlers.ts';
import { applicationMenuTemplate } from './application-menu.ts';
import {
  MIN_HEIGHT,
  MIN_WIDTH,
  parseSavedWindow,
  windowBoundsFor,
  type SavedWindow,
} from './window-state.ts';
import {
  buildContentSecurityPolicy,
  withContentSecurityPolicy,
} from './content-security-policy.ts';
import { externalLinkTarget, isAllowedNavigation } from './navigation-policy.ts';
import { parseServerUrl } from './server-url.ts';
import { createSessionStore, type SessionFiles } from './session-store.ts';
import { chooseUpdateFeed } from './update-feed.ts';
import { startUpdateChecks, updateReadyMessage } from './update-checker.ts';

function exitWithError(message: string): never {
  dialog.showErrorBox('Lapor Workstation', message);
  process.exit(1);
}

function readServerOrigin(): string {
  try {
    return parseServerUrl(process.env.LAPOR_SERVER_URL).origin;
  } catch (error) {
    exitWithError(error instanceof Error ? error.message : String(error));
  }
}

/** electron-vite sets ELECTRON_RENDERER_URL while developing; a packaged app ignores it. */
function readDevServerUrl(): URL | undefined {
  const raw = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    exitWithError(`ELECTRON_RENDERER_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    exitWithError(`ELECTRON_RENDERER_URL must be http or https: ${raw}`);
  }
  return url;
}

const serverOrigin = readServerOrigin();
const devServer = readDevServerUrl();
const rendererRoot = join(import.meta.dirname, '../renderer');
const pageOrigins = [APP_ORIGIN, ...(devServer ? [devServer.origin] : [])];
const contentSecurityPolicy = buildContentSecurityPolicy(
  serverOrigin,
  devServer ? { devServerOrigin: devServer.origin } : {},
);

app.enableSandbox();
// Date and number fields follow Indonesian conventions (DD/MM/YYYY), whatever the OS language.
app.commandLine.appendSwitch('lang', 'id-ID');
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
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow().catch(console.error);
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(error);
      app.exit(1);
    });
}

/**
 * Serves the built renderer on app://workstation. Responses of a custom scheme never pass
 * through `webRequest.onHeadersReceived`, so the CSP header is set here.
 */
async function serveAppFile(request: Request): Promise<Response> {
  const file = resolveAppFile(request.url, rendererRoot);
  if (!file) return new Response('Not found', { status: 404 });
  let response: Response;
  try {
    response = await net.fetch(pathToFileURL(file).toString());
  } catch {
    return new Response('Not found', { status: 404 });
  }
  if (!response.ok) return new Response('Not found', { status: 404 });
  return new Response(response.body, {
    headers: {
      'content-type': contentTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The session file, replaced atomically so a crash mid-write never leaves half a token. */
function sessionFiles(file: string): SessionFiles {
  return {
    read: () => readFile(file).catch(() => null),
    write: async (data) => {
      const temporary = `${file}.tmp`;
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, file);
    },
    remove: () => rm(file, { force: true }),
  };
}

function registerBridge(): void {
  const handlers = createBridgeHandlers({
    appInfo: { shell: 'desktop', version: app.getVersion(), platform: process.platform },
    serverUrl: serverOrigin,
    sessions: createSessionStore({
      safeStorage,
      platform: process.platform,
      warn: (message) => console.warn(message),
      files: sessionFiles(join(app.getPath('userData'), 'session.bin')),
    }),
  });
  const documents = createDocumentHandlers({
    documentsFolder: app.getPath('documents'),
    chooseSaveLocation: async (defaultPath, extension) => {
      const window = BrowserWindow.getFocusedWindow();
      const options = {
        defaultPath,
        filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    writeFile: (path, data) => writeFile(path, data),
  });
  const checkedSender = (channel: string, event: Electron.IpcMainInvokeEvent) => {
    const frameUrl = event.senderFrame?.url;
    // Only the workstation's own pages may use the bridge.
    if (frameUrl === undefined || !isAllowedNavigation(frameUrl, pageOrigins)) {
      throw new Error(`${channel}: refused for ${frameUrl ?? 'a closed frame'}`);
    }
    return event.sender;
  };
  for (const [channel, handler] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      checkedSender(channel, event);
      return handler(...args);
    });
  }
  for (const [channel, handler] of Object.entries(documents)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      handler(checkedSender(channel, event), ...args),
    );
  }
}

function lockDownSession(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: withContentSecurityPolicy(details, pageOrigins, contentSecurityPolicy),
    });
  });
}

/** Applied to every web contents, so a stray frame or popup is held to the same rules. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url, pageOrigins)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url, pageOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, pageOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalLinkTarget(url);
    if (external) shell.openExternal(external).catch(console.error);
    return { action: 'deny' };
  });
}

const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

async function openWindow(): Promise<void> {
  const saved = parseSavedWindow(await readFile(windowStateFile(), 'utf8').catch(() => null));
  const bounds = windowBoundsFor(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(Number.isFinite(bounds.x) ? { x: bounds.x, y: bounds.y } : {}),
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: 'Lapor Workstation',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  // Where the window was and whether it was maximised, for the next start.
  window.on('close', () => {
    const state: SavedWindow = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    writeFile(windowStateFile(), JSON.stringify(state)).catch(console.error);
  });
  await window.loadURL(devServer?.href ?? `${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        showAbout: () =>
          void dialog.showMessageBox({
            title: 'Tentang Lapor Workstation',
            message: `Lapor Workstation ${app.getVersion()}`,
            detail: `Server: ${serverOrigin}`,
          }),
      }),
    ),
  );
  protocol.handle(APP_SCHEME, serveAppFile);
  lockDownSession();
  registerBridge();
  await openWindow();
  checkForUpdates();
}

/** Background update checks of a packaged app (see update-feed.ts for where it looks). */
function checkForUpdates(): void {
  let feed;
  try {
    feed = chooseUpdateFeed({
      packaged: app.isPackaged,
      configuredUrl: process.env.LAPOR_UPDATE_URL,
      builtInFeed: existsSync(join(process.resourcesPath, 'app-update.yml')),
    });
  } catch (error) {
    console.warn(`updates: off (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  startUpdateChecks({
    feed,
    updater: electronUpdater.autoUpdater,
    log: (message) => console.warn(message),
    onDownloaded: (version) => {
      const window = BrowserWindow.getAllWindows()[0];
      const options = {
        type: 'info' as const,
        title: 'Lapor Workstation',
        ...updateReadyMessage(version),
      };
      void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
    },
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });
}
