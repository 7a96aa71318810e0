import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

// Flags from TOOLCHAIN.md: the machine's network is closed, so Chromium's own
// background traffic is switched off rather than left to fail; software GL only.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`no Chromium found (looked at ${candidates.join(', ')}): install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS, headless: true });
}

/** Every console error and uncaught exception of the page, for tests that assert a clean run (CSP included). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** A new tab on the served app, as an operator opens it, with its console and page errors collected. */
export async function openApp(browser: Browser, url: string, viewport = { width: 1440, height: 900 }, options: { readonly acceptDownloads?: boolean } = {}): Promise<{ page: Page; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport, ...options });
  const pageErrors = collectPageErrors(page);
  await page.goto(url);
  return { page, pageErrors };
}

/** Until the status bar shows a connected server (the first, when there are several). */
export async function waitForConnected(page: Page): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-state="connected"]').first().waitFor({ timeout: 60_000 });
}
