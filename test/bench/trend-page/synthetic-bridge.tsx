import { ApiError, type ApiMethod, type ConnectionStatus, type ServerEvent, type TagInfo, type TidewatchApi } from '../../../shared/contract.js';
import { encodeFrame } from '../../../shared/frame-codec.js';
import { StatusCode } from '../../../shared/status-code.js';
import { ListenerSet } from '../../../renderer/src/bridge/listener-set.js';
import type { RendererBridge } from '../../../renderer/src/bridge/renderer-bridge.js';
import { SAMPLE_MS, signalValue } from './synthetic-signal.js';

export interface SyntheticBridge extends RendererBridge {
  /** Samples delivered so far. */
  readonly delivered: number;
  /** What the session last told main to keep every sample of. */
  readonly trended: readonly number[];
  /** Sends `ms` of past samples for trended tags (a few seconds' worth for the others), in frames. */
  backfill(ms: number): Promise<void>;
  /** From now on, every sample of every tag as it falls due, one frame per 16 ms, like main's streamer. */
  startLive(): void;
}

const UNITS = ['bar', 'degC', '%', 'm3/h', 'rpm'];
const FRAME_MS = 16;
const BACKFILL_FRAME = 200_000;
/** Untrended tags get this much past: their rings hold about a minute. */
const OTHERS_BACKFILL_MS = 80_000;

/**
 * main, as far as the renderer can tell: a snapshot of `tags` tags, and their samples at rateHz
 * each. Any other domain's method is answered as by a session whose service did not start.
 */
export function syntheticBridge(tags: number, rateHz: number): SyntheticBridge {
  const bridge = liveBridge(tags, rateHz);
  return new Proxy(bridge, {
    get: (target, property, receiver) =>
      property in target ? Reflect.get(target, property, receiver) : () => Promise.reject(new ApiError(`${String(property)}: not available in this session`)),
  }) as SyntheticBridge;
}

/** What the synthetic main answers itself: the live methods, history (refused), and the transport. */
type OwnParts = Omit<SyntheticBridge, ApiMethod> & Pick<TidewatchApi, 'snapshot' | 'writeTag' | 'setTrendedTags' | 'readHistory'>;

function liveBridge(tags: number, rateHz: number): OwnParts {
  const frames = new ListenerSet<ArrayBuffer>();
  const stepMs = 1000 / rateHz;
  const infos: TagInfo[] = Array.from({ length: tags }, (_, index) => ({
    index,
    id: `bench/T${index}`,
    name: `Line${Math.floor(index / 50)}.Signal${index % 50}`,
    displayName: `Line${Math.floor(index / 50)}.Signal${index % 50}`,
    description: '',
    connectionId: 'bench',
    nodeId: `ns=2;i=${index}`,
    unit: UNITS[index % UNITS.length]!,
    decimals: null,
    euRange: { low: 0, high: 200 },
    dataType: 'Double',
    writable: false,
  }));
  const connection: ConnectionStatus = { id: 'bench', name: 'Synthetic plant', endpointUrl: 'opc.tcp://bench', state: 'connected', lastError: null, reconnects: 0, keepAliveMs: 1000, since: Date.now() };
  let trended: readonly number[] = [];
  let seq = 0;
  let delivered = 0;
  let next = Math.floor(Date.now() / stepMs);
  let timer: number | null = null;

  const send = (count: number, fill: (tag: Uint32Array, time: Float64Array, value: Float64Array) => void) => {
    const tag = new Uint32Array(count);
    const time = new Float64Array(count);
    const value = new Float64Array(count);
    fill(tag, time, value);
    const status = new Uint32Array(count).fill(StatusCode.Good);
    frames.emit(encodeFrame(++seq, 0, Date.now(), [{ count, tag, time, value, status }]));
    delivered += count;
  };
  /** All tags' samples for steps [from, to), in time order. */
  const sendSteps = (indexes: readonly number[], from: number, to: number) => {
    for (let k = from; k < to; ) {
      const end = Math.min(to, k + Math.max(1, Math.floor(BACKFILL_FRAME / Math.max(1, indexes.length))));
      send((end - k) * indexes.length, (tag, time, value) => {
        let i = 0;
        for (let step = k; step < end; step++) {
          for (const index of indexes) {
            tag[i] = index;
            time[i] = step * stepMs;
            value[i] = signalValue(index, Math.round((step * stepMs) / SAMPLE_MS));
            i++;
          }
        }
      });
      k = end;
    }
  };

  return {
    connectionState: 'connected',
    get delivered() {
      return delivered;
    },
    get trended() {
      return trended;
    },
    snapshot: async () => ({ tags: infos, connections: [connection], project: { name: 'Trend benchmark', file: null, issues: [], lastGood: null } }),
    writeTag: async () => {
      throw new ApiError('writeTag: the benchmark plant is read-only');
    },
    setTrendedTags: async (request) => {
      trended = request.tagIndexes;
    },
    readHistory: async () => {
      throw new ApiError('readHistory: not available in this session');
    },
    onEvent: (_listener: (event: ServerEvent) => void) => () => {},
    onFrame: (listener) => frames.add(listener),
    ackFrame: () => {},
    onConnectionChange: () => () => {},
    async backfill(ms) {
      const now = Math.floor(Date.now() / stepMs);
      sendSteps(trended, now - Math.ceil(ms / stepMs), now - Math.ceil(OTHERS_BACKFILL_MS / stepMs));
      sendSteps(
        infos.map((info) => info.index),
        now - Math.ceil(OTHERS_BACKFILL_MS / stepMs),
        now,
      );
      next = now;
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    startLive() {
      const all = infos.map((info) => info.index);
      const tick = () => {
        const due = Math.floor(Date.now() / stepMs);
        if (due > next) sendSteps(all, next, due);
        next = Math.max(next, due);
        timer = window.setTimeout(tick, FRAME_MS);
      };
      tick();
    },
    dispose() {
      if (timer !== null) window.clearTimeout(timer);
      frames.clear();
    },
  };
}
