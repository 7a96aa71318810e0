import { describe, expect, it } from 'vitest';
import { isTrustedSender, WEB_PREFERENCES } from './security-policy.js';

describe('desktop security policy', () => {
  it('isolates and sandboxes the renderer, with no Node in it', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  it('trusts IPC only from the app’s own pages', () => {
    expect(isTrustedSender('tidewatch://app/index.html')).toBe(true);
    expect(isTrustedSender('tidewatch://evil/index.html')).toBe(false);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
