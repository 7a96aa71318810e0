export interface AboutFacts {
  readonly appVersion: string;
  /** process.versions: electron, chrome, node, v8. */
  readonly versions: Readonly<Record<string, string | undefined>>;
  /** e.g. "linux x64 6.1.0-18-amd64". */
  readonly os: string;
  readonly userDataDir: string;
  readonly logFile: string;
  readonly projectFile: string | null;
  readonly executable: string;
}

/** The About box's text, also what "Copy" puts on the clipboard for a support request. */
export function aboutText(facts: AboutFacts): { readonly title: string; readonly detail: string } {
  const v = (name: string) => facts.versions[name] ?? 'unknown';
  const lines = [
    `Electron ${v('electron')}, Chromium ${v('chrome')}, Node.js ${v('node')}, V8 ${v('v8')}`,
    `Operating system: ${facts.os}`,
    '',
    `Project: ${facts.projectFile ?? 'the built-in demo plant'}`,
    `User data: ${facts.userDataDir}`,
    `Log: ${facts.logFile}`,
    `Program: ${facts.executable}`,
  ];
  return { title: `Tidewatch ${facts.appVersion}`, detail: lines.join('\n') };
}
