import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy.js';
import { isTrustedSender, viewUrl, WEB_PREFERENCES } from './security-policy.js';

describe('desktop security policy', () => {
  it('isolates and sandboxes the renderer, with no Node in it', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(Object.keys(WEB_PREFERENCES)).not.toContain('preload');
  });

  it('trusts IPC only from the app’s own pages', () => {
    expect(isTrustedSender('tidewatch://app/index.html')).toBe(true);
    expect(isTrustedSender('tidewatch://evil/index.html')).toBe(false);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('file:///etc/passwd')).toBe(false);
    expect(isTrustedSender('not a url')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('opens views of the app’s own page, which stay trusted senders, whatever the layout name holds', () => {
    expect(viewUrl('main', null)).toBe('tidewatch://app/index.html');
    expect(viewUrl('trend', 'Boiler & feed/#1')).toBe('tidewatch://app/index.html?view=trend&layout=Boiler+%26+feed%2F%231');
    const tricky = new URL(viewUrl('trend', '@evil.example/x'));
    expect([tricky.host, tricky.pathname]).toEqual(['app', '/index.html']);
    expect(isTrustedSender(viewUrl('alarms', null))).toBe(true);
  });

  it('serves every page (both shells) under a CSP with no remote source, no inline or eval code', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of directives) {
      for (const source of sources ?? []) expect([name, source]).toEqual([name, expect.stringMatching(/^('self'|'none'|data:)$/)]);
    }
    expect(directives.get('img-src')).toContain('data:');
  });
});
