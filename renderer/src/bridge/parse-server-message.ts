import type { ServerEvent } from '../../../shared/contract.js';
import { UI_SHORTCUTS } from '../../../shared/ui-shortcuts.js';
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

/**
 * Each event type's container check, keyed by type: the compiler insists on one for every
 * ServerEvent, so a new event cannot be dropped here as "unknown" (as `project` and
 * `command` once were, leaving a browser's status bar blind to project reloads).
 */
const EVENT_CHECKS: { readonly [Type in ServerEvent['type']]: (event: Record<string, unknown>) => string | null } = {
  connections: (event) => (Array.isArray(event.connections) ? null : 'connections event has no connections array'),
  tags: (event) => (Array.isArray(event.tags) ? null : 'tags event has no tags array'),
  project: (event) => (isRecord(event.project) && typeof event.project.name === 'string' && Array.isArray(event.project.issues) ? null : 'project event has no project status'),
  alarms: (event) => (isRecord(event.list) && Array.isArray(event.list.alarms) && typeof event.list.revision === 'number' ? null : 'alarms event has no alarm list'),
  notice: (event) => (typeof event.level === 'string' && NOTICE_LEVELS.has(event.level) && typeof event.message === 'string' ? null : 'notice event needs a level and a message'),
  command: (event) => (typeof event.command === 'string' && Object.hasOwn(UI_SHORTCUTS, event.command) ? null : `command event with an unknown command ${JSON.stringify(event.command)}`),
  auth: (event) => (isRecord(event.auth) ? null : 'auth event has no auth state'),
};

function serverEvent(event: unknown): ServerEvent {
  if (!isRecord(event)) throw new ProtocolError('event is not an object');
  const type = event.type;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_CHECKS, type)) throw new ProtocolError(`unknown event type ${JSON.stringify(type)}`);
  const problem = EVENT_CHECKS[type as ServerEvent['type']](event);
  if (problem !== null) throw new ProtocolError(problem);
  return event as unknown as ServerEvent;
}

function callId(id: unknown): number {
  if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) throw new ProtocolError(`call id ${JSON.stringify(id)} is not a call id`);
  return id;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
