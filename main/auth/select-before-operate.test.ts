import { describe, expect, it } from 'vitest';
import { SBO_IDLE, selectBeforeOperate, type SboEvent, type SboState } from './select-before-operate.js';

const select = (now: number, value: number | boolean = true, user = 'ann', target = 'demo/Pump1.Start'): SboEvent => ({ type: 'select', target, value, user, now, timeoutMs: 10_000 });
const operate = (now: number, value: number | boolean = true, user = 'ann', target = 'demo/Pump1.Start'): SboEvent => ({ type: 'operate', target, value, user, now });

function run(events: SboEvent[]) {
  let state: SboState = SBO_IDLE;
  const outcomes = events.map((event) => {
    const next = selectBeforeOperate(state, event);
    state = next.state;
    return next.outcome;
  });
  return { state, outcomes };
}

describe('select before operate', () => {
  it('operates what was selected, by whom, within the window, once', () => {
    const { state, outcomes } = run([select(0), operate(9_999), operate(10_000)]);
    expect(outcomes[1]).toMatchObject({ kind: 'operate', selection: { target: 'demo/Pump1.Start', value: true, user: 'ann' } });
    expect(outcomes[2]).toMatchObject({ kind: 'refused', reason: 'demo/Pump1.Start: is critical: select it first, then operate within the time allowed' });
    expect(state).toEqual(SBO_IDLE);
  });

  it('refuses an operate without a selection', () => {
    expect(run([operate(0)]).outcomes[0]).toMatchObject({ kind: 'refused', cancelled: null });
  });

  it('refuses and cancels a late operate', () => {
    const { state, outcomes } = run([select(0), operate(10_001)]);
    expect(outcomes[1]).toMatchObject({ kind: 'refused', reason: 'demo/Pump1.Start: the selection expired 10 s after it was made; select it again' });
    expect(state).toEqual(SBO_IDLE);
  });

  it('refuses and cancels an operate of another value, target or user', () => {
    expect(run([select(0), operate(1, false)]).outcomes[1]).toMatchObject({ kind: 'refused', reason: 'demo/Pump1.Start: true was selected, not false; the selection is cancelled' });
    expect(run([select(0), operate(1, true, 'bob')]).outcomes[1]).toMatchObject({ kind: 'refused', reason: 'demo/Pump1.Start: selected by ann, not bob; the selection is cancelled' });
    expect(run([select(0), operate(1, true, 'ann', 'demo/Pump2.Start')]).outcomes[1]).toMatchObject({ kind: 'refused', reason: 'demo/Pump2.Start: demo/Pump1.Start is selected, not this; the selection is cancelled' });
    // A refused operate leaves nothing selected: the right operate afterwards fails too.
    expect(run([select(0), operate(1, false), operate(2, true)]).outcomes[2]).toMatchObject({ kind: 'refused' });
  });

  it('replaces a selection with a new one and says which', () => {
    const { outcomes } = run([select(0, true), select(1, false), operate(2, false)]);
    expect(outcomes[1]).toMatchObject({ kind: 'selected', replaced: { value: true } });
    expect(outcomes[2]).toMatchObject({ kind: 'operate', selection: { value: false } });
  });

  it('expires on a tick after the window and cancels on request', () => {
    expect(run([select(0), { type: 'tick', now: 10_000 }]).outcomes[1]).toEqual({ kind: 'none' });
    const expired = run([select(0), { type: 'tick', now: 10_001 }]);
    expect(expired.outcomes[1]).toMatchObject({ kind: 'expired' });
    expect(expired.state).toEqual(SBO_IDLE);
    expect(run([select(0), { type: 'cancel' }]).outcomes[1]).toMatchObject({ kind: 'cancelled' });
    expect(run([{ type: 'cancel' }]).outcomes[0]).toEqual({ kind: 'none' });
  });
});
