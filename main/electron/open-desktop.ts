import { app, clipboard, dialog, ipcMain, protocol, shell as desktop, type WebContents } from 'electron';
import os from 'node:os';
import path from 'node:path';
import { assertNever } from '../../shared/assert-never.js';
import { callApi } from '../api/call-api.js';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy.js';
import type { LaunchedShell } from '../app/launch-shell.js';
import type { CommandLine } from '../app/parse-command-line.js';
import { readStaticFile } from '../app/read-static-file.js';
import { aboutText } from './about-text.js';
import { appMenu, type MenuAction } from './app-menu.js';
import { setDesktopMenu } from './desktop-menu.js';
import { DesktopWindows } from './desktop-windows.js';
import { IPC_CALL, type CallReply } from './ipc-channels.js';
import { CRASH_WINDOW_MS, crashReloadDecision } from './crash-reload.js';
import { kioskKeyDecision, type EngineerUnlock } from './kiosk-keys.js';
import { launchCommand } from './login-item.js';
import { RendererPorts } from './renderer-ports.js';
import { decideSecondInstance } from './second-instance.js';
import { APP_SCHEME, isTrustedSender } from './security-policy.js';
import { isStartAtLogin, setStartAtLogin } from './start-at-login.js';

export interface OpenDesktopOptions {
  readonly shell: LaunchedShell;
  readonly options: CommandLine;
  /** dist/main: the preload beside it, the renderer above it. */
  readonly distMainDir: string;
  readonly engineerUnlock: EngineerUnlock;
}

export interface OpenDesktop {
  readonly windows: DesktopWindows;
  readonly ports: RendererPorts;
}

/**
 * The desktop mode of the shell: the app's pages over its own scheme, IPC,
 * windows, the menu and its actions, kiosk mode and second launches. Wiring
 * only: each decision is a pure function (app-menu, kiosk-keys,
 * second-instance, login-item, about-text, window-layout, window-placement).
 */
export function openDesktop({ shell, options, distMainDir, engineerUnlock }: OpenDesktopOptions): OpenDesktop {
  const { log } = shell;
  const ports = new RendererPorts(shell.app.core, log);
  const rendererDir = path.join(distMainDir, '..', 'renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(file.body), { headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } });
  });
  ipcMain.handle(IPC_CALL, async (event, method: unknown, params: unknown): Promise<CallReply> => {
    const client = ports.client(event.sender.id);
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

  // Kiosk comes from --kiosk, or from the project once it has loaded (desktop.kiosk).
  let kiosk = options.kiosk;
  let locked = kiosk;
  let unlocking = false;
  let unlockedByEngineer = false;
  const relaunch = (projectFile: string | null) =>
    launchCommand(process.env, process.execPath, { appPath: app.isPackaged ? null : app.getAppPath(), kiosk: options.kiosk, projectFile, userDataDir: options.userDataDir === null ? null : shell.userDataDir });

  const windows = new DesktopWindows({
    layoutFile: path.join(shell.userDataDir, 'window-layout.json'),
    preload: path.join(distMainDir, 'preload.cjs'),
    log,
    onContents: (contents: WebContents) => {
      // Each page load gets a fresh port and session; the core and its subscriptions go on.
      contents.on('did-finish-load', () => ports.connect(contents));
      let crashes: readonly number[] = [];
      contents.on('render-process-gone', (_event, details) => {
        const decision = crashReloadDecision(crashes, Date.now());
        crashes = decision.recent;
        if (decision.reload) {
          log('error', `renderer gone (${details.reason}); reloading`);
          contents.reload();
          return;
        }
        // The core goes on (alarms, history, other windows); only this window waits for the operator.
        const why = `renderer gone (${details.reason}) ${crashes.length} times in ${CRASH_WINDOW_MS / 1000} s`;
        log('error', `${why}; not reloading it again until the operator asks`);
        void message('warning', 'This window keeps crashing', `${why}. Tidewatch goes on monitoring the plant. Reload it now?`, ['Reload', 'Not now']).then((answer) => {
          if (answer !== 0 || contents.isDestroyed()) return;
          crashes = [];
          contents.reload();
        });
      });
      contents.on('before-input-event', (event, input) => {
        const decision = kioskKeyDecision(input, locked);
        if (decision === 'allow') return;
        event.preventDefault();
        if (decision === 'unlock') void unlock();
      });
      contents.once('destroyed', () => ports.disconnect(contents.id));
    },
  });

  const setLocked = (value: boolean) => {
    locked = value;
    windows.setLocked(value);
    refreshMenu();
  };
  const unlock = async () => {
    if (unlocking) return;
    unlocking = true;
    try {
      const result = await engineerUnlock();
      if (result.ok) {
        log('info', `kiosk mode unlocked by ${result.user}`);
        unlockedByEngineer = true;
        setLocked(false);
      } else {
        log('warning', `engineer unlock refused: ${result.reason}`);
        await message('warning', 'Engineer unlock refused', result.reason);
      }
    } finally {
      unlocking = false;
    }
  };
  const message = async (type: 'info' | 'warning', title: string, detail: string, buttons = ['OK']) => {
    const target = windows.target();
    const box = { type, title: 'Tidewatch', message: title, detail, buttons, defaultId: 0, cancelId: 0, noLink: true };
    return (target ? await dialog.showMessageBox(target, box) : await dialog.showMessageBox(box)).response;
  };
  const showAbout = async () => {
    const about = aboutText({
      appVersion: app.getVersion(),
      versions: process.versions,
      os: `${process.platform} ${process.arch} ${os.release()}`,
      userDataDir: shell.userDataDir,
      logFile: shell.logFile,
      projectFile: shell.projectFile,
      executable: relaunch(null).path,
    });
    if ((await message('info', about.title, about.detail, ['OK', 'Copy'])) === 1) clipboard.writeText(`${about.title}\n${about.detail}`);
  };
  // Switching projects restarts the app on the new one: sessions close cleanly, history is flushed.
  const openProject = (file: string, why: string) => {
    log('info', `opening ${file}, ${why}`);
    const next = relaunch(file);
    app.relaunch({ execPath: next.path, args: [...next.args] });
    app.quit();
  };
  const chooseProject = async () => {
    const target = windows.target();
    const request = { title: 'Open a Tidewatch project', filters: [{ name: 'Tidewatch project', extensions: ['tidewatch'] }], properties: ['openFile' as const] };
    const chosen = target ? await dialog.showOpenDialog(target, request) : await dialog.showOpenDialog(request);
    const file = chosen.canceled ? undefined : chosen.filePaths[0];
    if (file !== undefined && file !== shell.projectFile) openProject(file, 'chosen with Open project…');
  };
  const run = (action: MenuAction): void => {
    switch (action.kind) {
      case 'ui': {
        const target = windows.target();
        if (target) ports.command(target.webContents.id, { type: 'command', command: action.command });
        return;
      }
      case 'open-project':
        return void chooseProject();
      case 'open-alarm-summary':
        windows.open('alarms', null);
        return;
      case 'toggle-full-screen': {
        const target = windows.target();
        target?.setFullScreen(!target.isFullScreen());
        return;
      }
      case 'start-at-login': {
        const launch = relaunch(shell.projectFile);
        setStartAtLogin(!isStartAtLogin(launch), launch);
        return refreshMenu();
      }
      case 'open-log-folder':
        void desktop.openPath(path.dirname(shell.logFile));
        return;
      case 'engineer-unlock':
        return void unlock();
      case 'kiosk-lock':
        log('info', 'station locked in kiosk mode');
        return setLocked(true);
      case 'about':
        return void showAbout();
      case 'quit':
        return app.quit();
      default:
        assertNever(action);
    }
  };
  const refreshMenu = () => setDesktopMenu(appMenu({ kiosk, locked, startAtLogin: isStartAtLogin(relaunch(shell.projectFile)) }), run);

  app.on('second-instance', (_event, _argv, _cwd, data) => {
    const main = windows.main();
    if (main?.isMinimized()) main.restore();
    main?.focus();
    const action = decideSecondInstance(data, { kioskLocked: locked, currentProject: shell.projectFile });
    switch (action.type) {
      case 'focus':
        return;
      case 'refuse-project':
        log('warning', `did not open ${action.file}: ${action.reason}`);
        return void message('warning', `Did not open ${path.basename(action.file)}`, action.reason);
      case 'open-project':
        return openProject(action.file, 'handed over by a second launch');
      default:
        assertNever(action);
    }
  });

  // A kiosk project locks the station when it loads; not again after an engineer unlocked it in this run.
  shell.app.onProjectApplied((project) => {
    if (!project.desktop.kiosk || locked || unlockedByEngineer) return;
    kiosk = true;
    log('info', 'station locked in kiosk mode: the project asks for it (desktop.kiosk)');
    setLocked(true);
  });
  shell.app.setWindowOpener((request) => void windows.open(request.view, request.layout ?? null));
  windows.setLocked(locked);
  windows.restore();
  // Closing the main window ends the app, secondary windows included (they come back at the next start).
  windows.main()?.once('closed', () => app.quit());
  refreshMenu();
  return { windows, ports };
}
