/**
 * The desktop shell's security settings in one place, as data, so a test can
 * read them without Electron (which cannot run on the build machines).
 */
export const APP_SCHEME = 'tidewatch';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  webviewTag: false,
  allowRunningInsecureContent: false,
  spellcheck: false,
  // A middle click would otherwise try to open a link in a new window (denied anyway, see web-contents-created).
  disableBlinkFeatures: 'Auxclick',
} as const;

/** Only our own pages may talk to main: an IPC message from any other frame is dropped. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'app';
  } catch {
    return false;
  }
}

/** The page of a window: the main one, or a view of its own (?view=trend&layout=NAME) that the renderer reads. */
export function viewUrl(view: string, layout: string | null): string {
  const url = new URL(`${APP_ORIGIN}/index.html`);
  if (view !== 'main') url.searchParams.set('view', view);
  if (layout !== null) url.searchParams.set('layout', layout);
  return url.href;
}
