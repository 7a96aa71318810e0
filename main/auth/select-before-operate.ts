/**
 * Select-before-operate for critical operations (IEC 61850 style): the
 * operator first selects the object and the value, sees it confirmed, then
 * operates within a time window. Anything else — a different value, another
 * user, a late operate — cancels the selection, so a stale or mistaken
 * command never goes out. Pure: the caller owns the clock and any timer.
 */
export interface Selection {
  readonly target: string;
  readonly value: number | boolean | string;
  readonly user: string;
  readonly selectedAt: number;
  readonly expiresAt: number;
}

export type SboState = { readonly kind: 'idle' } | { readonly kind: 'selected'; readonly selection: Selection };

export type SboEvent =
  | { readonly type: 'select'; readonly target: string; readonly value: number | boolean | string; readonly user: string; readonly now: number; readonly timeoutMs: number }
  | { readonly type: 'operate'; readonly target: string; readonly value: number | boolean | string; readonly user: string; readonly now: number }
  | { readonly type: 'cancel' }
  | { readonly type: 'tick'; readonly now: number };

export type SboOutcome =
  | { readonly kind: 'selected'; readonly selection: Selection; readonly replaced: Selection | null }
  | { readonly kind: 'operate'; readonly selection: Selection }
  | { readonly kind: 'refused'; readonly reason: string; readonly cancelled: Selection | null }
  | { readonly kind: 'cancelled'; readonly selection: Selection }
  | { readonly kind: 'expired'; readonly selection: Selection }
  | { readonly kind: 'none' };

export const SBO_IDLE: SboState = { kind: 'idle' };

export function selectBeforeOperate(state: SboState, event: SboEvent): { readonly state: SboState; readonly outcome: SboOutcome } {
  const current = state.kind === 'selected' ? state.selection : null;
  switch (event.type) {
    case 'select': {
      const selection: Selection = { target: event.target, value: event.value, user: event.user, selectedAt: event.now, expiresAt: event.now + event.timeoutMs };
      return { state: { kind: 'selected', selection }, outcome: { kind: 'selected', selection, replaced: current } };
    }
    case 'operate':
      return { state: SBO_IDLE, outcome: operate(current, event) };
    case 'cancel':
      return { state: SBO_IDLE, outcome: current ? { kind: 'cancelled', selection: current } : { kind: 'none' } };
    case 'tick':
      if (current && event.now > current.expiresAt) return { state: SBO_IDLE, outcome: { kind: 'expired', selection: current } };
      return { state, outcome: { kind: 'none' } };
  }
}

function operate(selection: Selection | null, event: Extract<SboEvent, { type: 'operate' }>): SboOutcome {
  const refuse = (reason: string): SboOutcome => ({ kind: 'refused', reason: `${event.target}: ${reason}`, cancelled: selection });
  if (selection === null) return refuse('is critical: select it first, then operate within the time allowed');
  if (selection.target !== event.target) return refuse(`${selection.target} is selected, not this; the selection is cancelled`);
  if (selection.user !== event.user) return refuse(`selected by ${selection.user}, not ${event.user}; the selection is cancelled`);
  if (event.now > selection.expiresAt) return refuse(`the selection expired ${Math.round((selection.expiresAt - selection.selectedAt) / 1000)} s after it was made; select it again`);
  if (selection.value !== event.value) return refuse(`${String(selection.value)} was selected, not ${String(event.value)}; the selection is cancelled`);
  return { kind: 'operate', selection };
}
