import type { ServerEvent } from '../../../shared/contract.js';
import type { ServerMessage } from '../../../shared/wire-message.js';

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

const NOTICE_LEVELS = new Set(['info', 'warning', 'error']);

/**
 * Checks the envelope of a text message from the headless server before anything acts on it.
 * Payloads (tags, connections, call results) are checked only for their container shape.
 */
export function parseServerMessage(text: string): ServerMessage {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    throw new ProtocolError(`server message is not JSON: ${text.slice(0, 80)}`);
  }
  if (!isRecord(message)) throw new ProtocolError('server message is not an object');
  switch (message.t) {
    case 'result':
      return { t: 'result', id: callId(message.id), result: message.result };
    case 'error':
      if (typeof message.message !== 'string') throw new ProtocolError('error message has no text');
      return { t: 'error', id: callId(message.id), message: message.message };
    case 'event':
      return { t: 'event', event: serverEvent(message.event) };
    default:
      throw new ProtocolError(`unknown server message type ${JSON.stringify(message.t)}`);
  }
}

function serverEvent(event: unknown): ServerEvent {
  if (!isRecord(event)) throw new ProtocolError('event is not an object');
  switch (event.type) {
    case 'connections':
      if (!Array.isArray(event.connections)) throw new ProtocolError('connections event has no connections array');
      return event as unknown as ServerEvent;
    case 'tags':
      if (!Array.isArray(event.tags)) throw new ProtocolError('tags event has no tags array');
      return event as unknown as ServerEvent;
    case 'alarms':
      if (!isRecord(event.list) || !Array.isArray(event.list.alarms) || typeof event.list.revision !== 'number') throw new ProtocolError('alarms event has no alarm list');
      return event as unknown as ServerEvent;
    case 'notice':
      if (typeof event.level !== 'string' || !NOTICE_LEVELS.has(event.level) || typeof event.message !== 'string') {
        throw new ProtocolError('notice event needs a level and a message');
      }
      return event as unknown as ServerEvent;
    case 'auth':
      if (!isRecord(event.auth)) throw new ProtocolError('auth event has no auth state');
      return event as unknown as ServerEvent;
    default:
      throw new ProtocolError(`unknown event type ${JSON.stringify(event.type)}`);
  }
}

function callId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new ProtocolError(`call id ${JSON.stringify(id)} is not a call id`);
  return id;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
