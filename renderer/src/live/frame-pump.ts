import type { TidewatchBridge, Unsubscribe } from '../../../shared/contract.js';
import { FRAME_FLAG_SAMPLES_DROPPED, FrameFormatError, decodeFrame } from '../../../shared/frame-codec.js';
import type { LiveStore } from './live-store.js';

export interface FramePumpStats {
  readonly frames: number;
  readonly decodeErrors: number;
  /** Frames in which main had to drop trended samples: the trend has a hole only history can fill. */
  readonly framesWithDroppedSamples: number;
}

/**
 * Moves frames from the bridge into the live store and acknowledges each one only after its
 * samples are in the buffers: the ack is main's signal that the renderer keeps up.
 */
export class FramePump {
  readonly #bridge: Pick<TidewatchBridge, 'ackFrame'>;
  readonly #store: LiveStore;
  readonly #log: Pick<Console, 'warn'>;
  readonly #unsubscribe: Unsubscribe;
  #frames = 0;
  #decodeErrors = 0;
  #framesWithDroppedSamples = 0;

  constructor(bridge: Pick<TidewatchBridge, 'onFrame' | 'ackFrame'>, store: LiveStore, log: Pick<Console, 'warn'> = console) {
    this.#bridge = bridge;
    this.#store = store;
    this.#log = log;
    this.#unsubscribe = bridge.onFrame((buffer) => this.#receive(buffer));
  }

  get stats(): FramePumpStats {
    return {
      frames: this.#frames,
      decodeErrors: this.#decodeErrors,
      framesWithDroppedSamples: this.#framesWithDroppedSamples,
    };
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #receive(buffer: ArrayBuffer): void {
    let frame;
    try {
      frame = decodeFrame(buffer);
    } catch (error) {
      if (!(error instanceof FrameFormatError)) throw error;
      this.#decodeErrors++;
      // Powers of two: the first error is always seen, a stream of them does not flood the console.
      if ((this.#decodeErrors & (this.#decodeErrors - 1)) === 0) {
        this.#log.warn(`Tidewatch: dropped a malformed frame (${this.#decodeErrors} so far): ${error.message}`);
      }
      return;
    }
    this.#frames++;
    if ((frame.flags & FRAME_FLAG_SAMPLES_DROPPED) !== 0) this.#framesWithDroppedSamples++;
    this.#store.append(frame, frame.flags);
    this.#bridge.ackFrame(frame.seq);
  }
}
