import type { AuditApi } from '../../../shared/api/audit-api.js';
import type { AuthApi, AuthEvent, OperatorApi, WriteOutcome } from '../../../shared/api/auth-api.js';
import type { CommandApi } from '../../../shared/api/command-api.js';
import type { WriteTagRequest } from '../../../shared/api/live-api.js';
import type { Unsubscribe } from '../../../shared/contract.js';
import type { BridgeConnectionState } from '../bridge/renderer-bridge.js';

/** What the login, write, command and audit screens need of the bridge; the RendererBridge is one. */
export interface AuthClient extends AuthApi, OperatorApi, CommandApi, AuditApi {
  readonly connectionState: BridgeConnectionState;
  writeTag(request: WriteTagRequest): Promise<WriteOutcome>;
  onEvent(listener: (event: { readonly type: string }) => void): Unsubscribe;
  onConnectionChange(listener: (state: BridgeConnectionState) => void): Unsubscribe;
}

export function isAuthEvent(event: { readonly type: string }): event is AuthEvent {
  return event.type === 'auth';
}
