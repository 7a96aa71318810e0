import { app, BrowserWindow, ipcMain, MessageChannelMain, protocol, session, type WebContents } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientMessageSchema } from '../../shared/wire-message.js';
import { callApi } from '../api/call-api.js';
import type { ClientSession } from '../api/client-session.js';
import { consoleLog } from '../app/console-log.js';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy.js';
import { createApp, type App } from '../app/create-app.js';
import { readStaticFile } from '../app/read-static-file.js';
import { parseServeArgs, SERVE_USAGE } from '../server/parse-serve-args.js';
import { IPC_CALL, IPC_PORT, type CallReply } from './ipc-channels.js';
import { APP_ORIGIN, APP_SCHEME, isTrustedSender, WEB_PREFERENCES } from './security-policy.js';

// The desktop shell: windows, IPC and the security settings, nothing else.
// Every behaviour behind it lives in the core and is tested through the headless shell.
const here = path.dirname(fileURLToPath(import.meta.url));
const log = consoleLog();

const parsed = parseServeArgs(process.argv.slice(app.isPackaged ? 1 : 2));
if (!parsed.ok) {
  process.stderr.write(`tidewatch: ${parsed.error}\n${SERVE_USAGE}\n`);
  app.exit(2);
} else if (parsed.options.help) {
  process.stdout.write(`${SERVE_USAGE}\n`);
  app.exit(0);
}
if (parsed.ok && parsed.options.userDataDir) app.setPath('userData', path.resolve(parsed.options.userDataDir));

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const clients = new Map<number, ClientSession>();

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, decide) => decide(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const rendererDir = path.join(here, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });

  const tidewatch = createApp({ userDataDir: app.getPath('userData'), simulatorEntry: path.join(here, 'simulator.js'), log });
  ipcMain.handle(IPC_CALL, async (event, method: unknown, params: unknown): Promise<CallReply> => {
    const client = clients.get(event.sender.id);
    if (!isTrustedSender(event.senderFrame?.url) || !client) {
      log('warning', `dropped an IPC call from an untrusted frame: ${event.senderFrame?.url ?? 'unknown'}`);
      return { ok: false, error: 'untrusted sender' };
    }
    try {
      return { ok: true, result: await callApi(client.api(), method, params) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  openWindow(tidewatch);
  app.on('before-quit', (event) => {
    event.preventDefault();
    app.removeAllListeners('before-quit');
    void tidewatch.dispose().finally(() => app.quit());
  });
  await tidewatch.start();
});

app.on('window-all-closed', () => app.quit());

function openWindow(tidewatch: App): void {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Tidewatch',
    backgroundColor: '#0f141a',
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(here, 'preload.cjs') },
  });
  const contents = window.webContents;
  // Each page load gets a fresh port and session, so a reload never sees a stale stream.
  contents.on('did-finish-load', () => connect(contents, tidewatch));
  contents.on('render-process-gone', (_event, details) => {
    log('error', `renderer gone (${details.reason}); reloading`);
    contents.reload();
  });
  contents.once('destroyed', () => disconnect(contents.id));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

function connect(contents: WebContents, tidewatch: App): void {
  disconnect(contents.id);
  const { port1, port2 } = new MessageChannelMain();
  const client = tidewatch.core.openClient({ frame: (buffer) => port1.postMessage(buffer), event: (event) => port1.postMessage(event) });
  port1.on('message', ({ data }) => {
    const message = clientMessageSchema.safeParse(data);
    if (message.success && message.data.t === 'ack') client.ack(message.data.seq);
    else log('warning', 'dropped a malformed message on the frame port');
  });
  port1.on('close', () => disconnect(contents.id));
  port1.start();
  clients.set(contents.id, client);
  contents.postMessage(IPC_PORT, null, [port2]);
}

function disconnect(contentsId: number): void {
  clients.get(contentsId)?.dispose();
  clients.delete(contentsId);
}
