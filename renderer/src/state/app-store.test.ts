import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../../shared/contract.js';
import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';
import { createAppStore } from './app-store.js';
import { makeTagInfo as tag } from '../test-support/make-tag-info.js';

const connection: ConnectionStatus = {
  id: 'plant',
  name: 'Plant',
  endpointUrl: 'opc.tcp://127.0.0.1:4840',
  state: 'connected',
  lastError: null,
  reconnects: 0,
  keepAliveMs: 1000,
  since: 0,
};

describe('createAppStore', () => {
  it('loads a snapshot and drops pens whose tags are gone', () => {
    const store = createAppStore();
    store.getState().applySnapshot({ tags: [tag(1), tag(0)], connections: [connection] , project: { name: 'Demo plant', file: null, issues: [], lastGood: null } });
    store.getState().togglePen('plant/T1');
    store.getState().applySnapshot({ tags: [tag(0)], connections: [] , project: { name: 'Demo plant', file: null, issues: [], lastGood: null } });
    expect(store.getState().tags.map((t) => t.index)).toEqual([0]);
    expect(store.getState().pens).toEqual([]);
  });

  it('applies connection, tag and notice events', () => {
    const store = createAppStore(() => 42);
    store.getState().applySnapshot({ tags: [tag(0)], connections: [] , project: { name: 'Demo plant', file: null, issues: [], lastGood: null } });
    store.getState().applyEvent({ type: 'connections', connections: [connection] });
    store.getState().applyEvent({ type: 'tags', tags: [tag(0, { unit: 'bar' })] });
    store.getState().applyEvent({ type: 'notice', level: 'warning', message: 'certificate expires soon' });
    const state = store.getState();
    expect(state.connections).toEqual([connection]);
    expect(state.tags[0]?.unit).toBe('bar');
    expect(state.notices).toEqual([{ id: 1, level: 'warning', message: 'certificate expires soon', time: 42 }]);
    state.dismissNotice(1);
    expect(store.getState().notices).toEqual([]);
  });

  it('allows at most 64 pens, as many as a trend draws', () => {
    const store = createAppStore();
    for (let i = 0; i < TREND_MAX_PENS + 2; i++) store.getState().togglePen(`plant/T${i}`);
    expect(store.getState().pens).toHaveLength(TREND_MAX_PENS);
  });

  it('records each menu command with a new sequence number, so pressing F8 twice acts twice', () => {
    const store = createAppStore();
    store.getState().applyEvent({ type: 'command', command: 'acknowledge' });
    store.getState().applyEvent({ type: 'command', command: 'acknowledge' });
    expect(store.getState().command).toEqual({ name: 'acknowledge', seq: 2 });
  });
});
