import { describe, expect, it } from 'vitest';
import { webSocketUrl } from './web-socket-url.js';

describe('webSocketUrl', () => {
  it('connects to /ws on the page host with the page token', () => {
    expect(webSocketUrl({ protocol: 'http:', host: '127.0.0.1:4321', search: '?token=abc' })).toBe('ws://127.0.0.1:4321/ws?token=abc');
  });

  it('uses wss on https and escapes the token', () => {
    expect(webSocketUrl({ protocol: 'https:', host: 'hmi:8443', search: '?x=1&token=a%2Bb%20c' })).toBe('wss://hmi:8443/ws?token=a%2Bb%20c');
  });

  it('leaves the token out when the page has none, for the server to refuse', () => {
    expect(webSocketUrl({ protocol: 'http:', host: 'localhost:1', search: '' })).toBe('ws://localhost:1/ws');
  });
});
