import type { TidewatchBridge, Unsubscribe } from '../../../shared/contract.js';

/**
 * 'connecting' until the transport first opens, 'lost' after it dropped and while it retries.
 * The preload bridge is in-process and always 'connected'.
 */
export type BridgeConnectionState = 'connecting' | 'connected' | 'lost';

/** The contract plus what only the renderer needs to know about its transport. */
export interface RendererBridge extends TidewatchBridge {
  readonly connectionState: BridgeConnectionState;
  onConnectionChange(listener: (state: BridgeConnectionState) => void): Unsubscribe;
  dispose(): void;
}
