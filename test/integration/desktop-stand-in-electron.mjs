// A stand-in for the 'electron' module, for test/integration/desktop-shell-wiring.test.ts only:
// Electron cannot be downloaded on the build machines, so the desktop shell's real bundle
// (dist/main/electron-main.js) is run in Node with this module in Electron's place.
// It does nothing by itself: it records what the shell asks of Electron (one JSON line per call
// on stdout, prefixed "@@electron ") and lets the test fire Electron's events (IPC messages
// from the test). It proves the wiring (which handlers are installed, with which settings,
// what each event leads to), never how Chromium would behave.
import { EventEmitter } from 'node:events';

const record = (type, data = {}) => process.stdout.write(`@@electron ${JSON.stringify({ type, ...data })}\n`);
const preventable = () => ({ defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } });
const plain = (value) => JSON.parse(JSON.stringify(value ?? null));

let nextContentsId = 1;
let quitting = false;

class WebContents extends EventEmitter {
  id = nextContentsId++;
  windowOpenHandler = null;
  setWindowOpenHandler(handler) { this.windowOpenHandler = handler; }
  postMessage(channel, _message, ports) { record('contents.postMessage', { contents: this.id, channel, ports: ports?.length ?? 0 }); }
  reload() { record('contents.reload', { contents: this.id }); }
  isDestroyed() { return false; }
}

export class BrowserWindow extends EventEmitter {
  static all = [];
  static getFocusedWindow() { return null; }
  constructor(options) {
    super();
    this.options = options;
    this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
    this.kiosk = Boolean(options.kiosk);
    this.fullScreen = false;
    this.webContents = new WebContents();
    BrowserWindow.all.push(this);
    record('window.new', { contents: this.webContents.id, options: plain(options) });
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  loadURL(url) {
    record('window.loadURL', { contents: this.webContents.id, url });
    setImmediate(() => {
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    });
    return Promise.resolve();
  }
  close() {
    const event = preventable();
    this.emit('close', event);
    record('window.close', { contents: this.webContents.id, prevented: event.defaultPrevented });
    if (event.defaultPrevented) return;
    BrowserWindow.all = BrowserWindow.all.filter((w) => w !== this);
    this.emit('closed');
    this.webContents.emit('destroyed');
    if (BrowserWindow.all.length === 0 && !quitting) app.emit('window-all-closed');
  }
  isDestroyed() { return !BrowserWindow.all.includes(this); }
  isMinimized() { return false; }
  isMaximized() { return false; }
  isFullScreen() { return this.fullScreen || this.kiosk; }
  isKiosk() { return this.kiosk; }
  setKiosk(kiosk) { this.kiosk = kiosk; record('window.setKiosk', { contents: this.webContents.id, kiosk }); }
  setClosable(closable) { record('window.setClosable', { contents: this.webContents.id, closable }); }
  setFullScreen(fullScreen) { this.fullScreen = fullScreen; }
  getNormalBounds() { return this.bounds; }
  show() {}
  focus() { record('window.focus', { contents: this.webContents.id }); }
  restore() {}
  maximize() {}
}

class App extends EventEmitter {
  isPackaged = false;
  paths = { userData: process.env.STAND_IN_USER_DATA };
  commandLine = { appendSwitch() {} };
  getPath(name) { return this.paths[name]; }
  setPath(name, value) { this.paths[name] = value; record('app.setPath', { name, value }); }
  getVersion() { return process.env.STAND_IN_APP_VERSION; }
  getAppPath() { return process.cwd(); }
  whenReady() { return Promise.resolve(); }
  requestSingleInstanceLock(data) {
    record('app.requestSingleInstanceLock', { data: plain(data) });
    return process.env.STAND_IN_LOCK !== 'taken';
  }
  relaunch(options) { record('app.relaunch', { options: plain(options) }); }
  getLoginItemSettings() { return { openAtLogin: false }; }
  setLoginItemSettings(settings) { record('app.setLoginItemSettings', { settings: plain(settings) }); }
  exit(code) {
    record('app.exit', { code });
    process.exit(code);
  }
  quit() {
    if (quitting) return;
    const event = preventable();
    this.emit('before-quit', event);
    record('app.quit', { prevented: event.defaultPrevented });
    if (event.defaultPrevented) return;
    quitting = true;
    for (const window of [...BrowserWindow.all]) window.close();
    if (BrowserWindow.all.length > 0) return;
    this.emit('will-quit', preventable());
    record('app.exited');
    process.exit(0);
  }
}
export const app = new App();

const handlers = new Map();
export const ipcMain = { handle: (channel, handler) => handlers.set(channel, handler) };

class Port extends EventEmitter {
  postMessage(message) {
    if (message && typeof message === 'object' && !(message instanceof ArrayBuffer) && message.type === 'command') record('port.command', { message });
  }
  start() {}
  close() {}
}
export class MessageChannelMain {
  port1 = new Port();
  port2 = new Port();
}

let protocolHandler = null;
export const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', { schemes: plain(schemes) }),
  handle: (scheme, handler) => {
    protocolHandler = handler;
    record('protocol.handle', { scheme });
  },
};

let permissionRequest = null;
let permissionCheck = null;
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (permissionCheck = handler),
  },
};

export const screen = {
  getAllDisplays: () => [
    { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 2, workArea: { x: 1920, y: 0, width: 1920, height: 1040 } },
  ],
  getPrimaryDisplay: () => ({ id: 1 }),
};

let menu = [];
export const Menu = {
  buildFromTemplate: (template) => template,
  setApplicationMenu: (template) => {
    menu = template;
    record('menu', { sections: template.map((s) => ({ label: s.label, items: s.submenu.filter((i) => i.label).map((i) => ({ label: i.label, accelerator: i.accelerator ?? null })) })) });
  },
};

// What the next Open dialog answers: a file, or null for Cancel (the test sets it with the openDialogAnswer action).
let openDialogAnswer = null;
export const dialog = {
  showOpenDialog: (...args) => {
    const options = args[args.length - 1];
    record('dialog.showOpenDialog', { title: options.title, filters: options.filters, properties: options.properties });
    return Promise.resolve(openDialogAnswer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [openDialogAnswer] });
  },
  showMessageBox: (...args) => {
    const options = args[args.length - 1];
    record('dialog.showMessageBox', { message: options.message, detail: options.detail });
    return Promise.resolve({ response: 0 });
  },
  showErrorBox: (title, content) => record('dialog.showErrorBox', { title, content }),
};
// The OS secret store, reversible here; STAND_IN_SAFE_STORAGE=basic_text plays a Linux desktop without a keyring.
const SEALED = 'stand-in-os-store:';
export const safeStorage = {
  isAsyncEncryptionAvailable: () => Promise.resolve(true),
  getSelectedStorageBackend: () => process.env.STAND_IN_SAFE_STORAGE ?? 'gnome_libsecret',
  encryptStringAsync: (text) => Promise.resolve(Buffer.from(SEALED + text).reverse()),
  decryptStringAsync: (buffer) => {
    const text = Buffer.from(buffer).reverse().toString();
    return text.startsWith(SEALED) ? Promise.resolve({ result: text.slice(SEALED.length) }) : Promise.reject(new Error('not sealed by this store'));
  },
};
export const clipboard = { writeText: (text) => record('clipboard.writeText', { text }) };
export const shell = { openPath: (file) => (record('shell.openPath', { file }), Promise.resolve('')) };

// What the test makes Electron do; each answer is recorded as "reply".
const window = (contents) => BrowserWindow.all.find((w) => w.webContents.id === contents) ?? BrowserWindow.all[0];
const actions = {
  async ipc({ frameUrl, method, params }) {
    const contents = BrowserWindow.all[0].webContents;
    return handlers.get('tidewatch:call')({ sender: contents, senderFrame: { url: frameUrl } }, method, params);
  },
  async fetch({ url }) {
    const response = await protocolHandler(new Request(url));
    return { status: response.status, csp: response.headers.get('content-security-policy'), type: response.headers.get('content-type') };
  },
  async permission({ permission }) {
    const decided = await new Promise((resolve) => permissionRequest(BrowserWindow.all[0].webContents, permission, resolve));
    return { request: decided, check: permissionCheck(BrowserWindow.all[0].webContents, permission) };
  },
  async webContentsHooks() {
    const contents = BrowserWindow.all[0].webContents;
    const navigate = preventable();
    contents.emit('will-navigate', navigate, 'https://example.com/');
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    return { open: contents.windowOpenHandler({ url: 'https://example.com/' }), navigationPrevented: navigate.defaultPrevented, webviewPrevented: webview.defaultPrevented };
  },
  async menu({ label }) {
    const item = menu.flatMap((section) => section.submenu).find((i) => i.label === label);
    if (!item) return { missing: label };
    item.click();
    return { clicked: label };
  },
  async key({ contents, input }) {
    const event = preventable();
    window(contents).webContents.emit('before-input-event', event, { type: 'keyDown', control: false, alt: false, shift: false, meta: false, ...input });
    return { prevented: event.defaultPrevented };
  },
  async closeWindow({ contents }) {
    window(contents).close();
    return {};
  },
  async rendererGone({ contents }) {
    window(contents).webContents.emit('render-process-gone', preventable(), { reason: 'crashed', exitCode: 139 });
    return {};
  },
  async openDialogAnswer({ file }) {
    openDialogAnswer = file;
    return {};
  },
  async secondInstance({ data }) {
    app.emit('second-instance', preventable(), ['tidewatch', '--original-process-start-time=1'], '/', data);
    return {};
  },
  async quit() {
    app.quit();
    return {};
  },
};
process.on('message', (message) => {
  actions[message.action](message).then(
    (reply) => record('reply', { id: message.id, reply: plain(reply) }),
    (error) => record('reply', { id: message.id, error: String(error) }),
  );
});
