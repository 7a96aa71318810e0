import type { ConnectionStatus } from '../../shared/contract.js';
import { qualityOf, statusText } from '../../shared/status-code.js';

/**
 * An operation on a tag whose connection is down or whose value is Bad is
 * refused: the operator would act on a number that is not the plant's. An
 * Uncertain value still allows the operation; the confirmation shows its quality.
 * Returns why not, or null.
 */
export function checkOperable(tagId: string, connection: Pick<ConnectionStatus, 'name' | 'state'> | undefined, tagStatus: number | undefined): string | null {
  const down = checkConnected(tagId, connection);
  if (down !== null) return down;
  if (tagStatus === undefined) return `${tagId}: no value received yet; operations wait for the first Good value`;
  if (qualityOf(tagStatus) === 'bad') return `${tagId}: its value is Bad (${statusText(tagStatus)}); operations wait until it is Good`;
  return null;
}

/** The connection half of checkOperable, for a method call, which has no value of its own. */
export function checkConnected(subject: string, connection: Pick<ConnectionStatus, 'name' | 'state'> | undefined): string | null {
  if (connection === undefined) return `${subject}: its connection is not running`;
  if (connection.state !== 'connected') return `${subject}: connection "${connection.name}" is ${connection.state}; operations wait until it is connected`;
  return null;
}
