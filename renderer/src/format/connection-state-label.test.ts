import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../shared/contract.js';
import { connectionStateLabel } from './connection-state-label.js';

describe('connectionStateLabel', () => {
  it('gives every state its own text and shape', () => {
    const states: ConnectionState[] = ['connecting', 'connected', 'reconnecting', 'failed', 'stopped'];
    const labels = states.map(connectionStateLabel);
    expect(new Set(labels.map((l) => l.text)).size).toBe(states.length);
    expect(new Set(labels.map((l) => l.marker)).size).toBe(states.length);
  });
});
