import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
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
import { APP_ID } from './app-identity.ts';
import { BRIDGE_CHANNELS, OPEN_COMPLAINT_EVENT } from '../../shared/bridge.ts';
import { createBridgeHandlers } from './bridge-handlers.ts';
import { crashLoopQuestion, decideAfterRendererGone } from './crash-recovery.ts';
import {
  createDeepLinkInbox,
  DEEP_LINK_SCHEME,
  deepLinkInArgv,
  parseDeepLink,
} from './deep-link.ts';
import { createDesktopHandlers } from './desktop-handlers.ts';
import { createQuitGuard } from './quit-guard.ts';
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
import { chooseServer, serverSettingsFileContent } from './server-settings.ts';
import { createServerSetupHandlers } from './server-setup-handlers.ts';
import { createSessionStore, type SessionFiles } from './session-store.ts';
import { createReplicaKeyStore, type ReplicaKeyFiles } from './replica-key-store.ts';
import { chooseUpdateFeed } from './update-feed.ts';
import { startUpdateChecks, updateReadyMessage } from './update-checker.ts';

function exitWithError(message: string): never {
  dialog.showErrorBox('Lapor Workstation', message);
  process.exit(1);
}

const serverSettingsFile = () => join(app.getPath('userData'), 'server.json');

/** LAPOR_SERVER_URL, else the server chosen at first run, else none yet (see server-settings.ts). */
function readServer(): ReturnType<typeof chooseServer> {
  let saved: string | null;
  try {
    saved = readFileSync(serverSettingsFile(), 'utf8');
  } catch {
    saved = null;
  }
  try {
    return chooseServer(process.env.LAPOR_SERVER_URL, saved);
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

const server = readServer();
let serverOrigin = server.origin;
const quitGuard = createQuitGuard();
const deepLinks = createDeepLinkInbox((trackingNumber) =>
  mainWindow()?.webContents.send(OPEN_COMPLAINT_EVENT, trackingNumber),
);

function mainWindow(): BrowserWindow | undefined {
  return BrowserWindow.getAllWindows()[0];
}

function showWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
const devServer = readDevServerUrl();
const rendererRoot = join(import.meta.dirname, '../renderer');
const pageOrigins = [APP_ORIGIN, ...(devServer ? [devServer.origin] : [])];
const policyFor = (origin: string | null) =>
  buildContentSecurityPolicy(origin ?? '', devServer ? { devServerOrigin: devServer.origin } : {});
/** Rebuilt when the officer chooses the server at first run; the page reloads to get it. */
let contentSecurityPolicy = policyFor(serverOrigin);

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
  // A second start (often by a lapor:// link) hands its arguments to this instance.
  app.on('second-instance', (_event, argv) => {
    const trackingNumber = deepLinkInArgv(argv);
    if (trackingNumber) deepLinks.receive(trackingNumber);
    const window = mainWindow();
    if (window) showWindow(window);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const trackingNumber = parseDeepLink(url);
    if (trackingNumber) deepLinks.receive(trackingNumber);
  });
  const startLink = deepLinkInArgv(process.argv);
  if (startLink) deepLinks.receive(startLink);
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

/** One key file per officer (the id is checked before it becomes a file name). */
function replicaKeyFiles(folder: string): ReplicaKeyFiles {
  const fileOf = (officerId: string) => join(folder, `${officerId}.bin`);
  return {
    read: (officerId) => readFile(fileOf(officerId)).catch(() => null),
    write: async (officerId, data) => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await sessionFiles(fileOf(officerId)).write(data);
    },
    remove: (officerId) => rm(fileOf(officerId), { force: true }),
  };
}

function registerBridge(): void {
  const handlers = createBridgeHandlers({
    appInfo: { shell: 'desktop', version: app.getVersion(), platform: process.platform },
    serverUrl: () => serverOrigin,
    sessions: createSessionStore({
      safeStorage,
      platform: process.platform,
      warn: (message) => console.warn(message),
      files: sessionFiles(join(app.getPath('userData'), 'session.bin')),
    }),
    replicaKeys: createReplicaKeyStore({
      safeStorage,
      randomBytes,
      files: replicaKeyFiles(join(app.getPath('userData'), 'replica-keys')),
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
  const desktop = createDesktopHandlers({
    notificationsSupported: () => Notification.isSupported(),
    showNotification: (content) => {
      const notification = new Notification({ title: content.title, body: content.body });
      const trackingNumber = content.trackingNumber;
      notification.on('click', () => {
        const window = mainWindow();
        if (window) showWindow(window);
        if (trackingNumber) deepLinks.receive(trackingNumber);
      });
      notification.show();
    },
    setPendingChanges: (count) => quitGuard.setPendingChanges(count),
    pageListening: () => deepLinks.pageListening(),
  });
  const setup = createServerSetupHandlers({
    fetchReadiness: (url, init) => net.fetch(url, init),
    source: () => server.source,
    save: async (origin) => {
      const file = serverSettingsFile();
      await writeFile(`${file}.tmp`, serverSettingsFileContent(origin));
      await rename(`${file}.tmp`, file);
      serverOrigin = origin;
      server.source = 'saved';
      contentSecurityPolicy = policyFor(origin);
    },
  });
  for (const [channel, handler] of Object.entries({ ...handlers, ...desktop, ...setup })) {
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
  window.on('close', (event) => {
    // Edits not yet on the server: ask before closing (see quit-guard.ts).
    const question = quitGuard.onCloseRequested();
    if (question) {
      event.preventDefault();
      void dialog.showMessageBox(window, question).then(({ response }) => {
        if (quitGuard.answered(response)) window.close();
      });
      return;
    }
    // Where the window was and whether it was maximised, for the next start.
    const state: SavedWindow = { ...window.getNormalBounds(), maximized: window.isMaximized() };
    writeFile(windowStateFile(), JSON.stringify(state)).catch(console.error);
  });
  guardAgainstCrashes(window);
  await window.loadURL(devServer?.href ?? `${APP_ORIGIN}/index.html`);
}

/**
 * The page reloads after its process dies (drafts and edits are in the replica); a crash loop
 * asks the officer instead (see crash-recovery.ts). Deep links wait while the page is away.
 */
function guardAgainstCrashes(window: BrowserWindow): void {
  let recentCrashes: number[] = [];
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) deepLinks.pageGone();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    deepLinks.pageGone();
    const outcome = decideAfterRendererGone(details.reason, recentCrashes, Date.now());
    recentCrashes = outcome.recentCrashes;
    if (outcome.decision.action === 'ignore' || window.isDestroyed()) return;
    console.warn(`renderer gone (${details.reason}); ${outcome.decision.action}`);
    if (outcome.decision.action === 'reload') {
      window.webContents.reload();
      return;
    }
    void dialog.showMessageBox(window, crashLoopQuestion(details.reason)).then(({ response }) => {
      if (window.isDestroyed()) return;
      if (response === 0) window.webContents.reload();
      else window.destroy();
    });
  });
}

async function start(): Promise<void> {
  // Windows shows notifications only for the AppUserModelID of the installed shortcut.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  // The installers register lapor:// themselves; this covers a moved AppImage.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      applicationMenuTemplate({
        showHelp: () => mainWindow()?.webContents.send(BRIDGE_CHANNELS.onOpenHelp),
        showAbout: () =>
          void dialog.showMessageBox({
            title: 'Tentang Lapor Workstation',
            message: `Lapor Workstation ${app.getVersion()}`,
            detail: `Server: ${serverOrigin ?? 'belum dipilih'}`,
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
