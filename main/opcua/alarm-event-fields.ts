import type { ConditionUpdate } from '../alarms/condition-source.js';

/**
 * The EventFilter's select clauses, in order: what an alarm client needs from
 * a condition event (OPC UA Part 9). A server that lacks one answers null for
 * it, and the event still counts.
 */
export const CONDITION_FIELDS = [
  'EventId',
  'EventType',
  'SourceNode',
  'SourceName',
  'Time',
  'ReceiveTime',
  'Message',
  'Severity',
  'ConditionId',
  'ConditionName',
  'BranchId',
  'Retain',
  'EnabledState.Id',
  'ActiveState.Id',
  'AckedState.Id',
  'ConfirmedState.Id',
  'ShelvingState.CurrentState',
  'ShelvingState.UnshelveTime',
  'SuppressedState.Id',
  'OutOfServiceState.Id',
  'Comment',
  'ClientUserId',
  'LimitState.CurrentState',
  'HighHighState.Id',
  'HighState.Id',
  'LowState.Id',
  'LowLowState.Id',
] as const;

export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** Field values already turned into plain JS: strings for NodeIds and texts, ms for dates, hex for ByteStrings. */
export type PlainFields = Partial<Record<ConditionField, unknown>>;

export type ConditionEvent =
  | { readonly type: 'condition'; readonly update: ConditionUpdate }
  | { readonly type: 'refreshStart' | 'refreshEnd' | 'overflow' };

const LIMIT_WORDS: Readonly<Record<string, string>> = { HighHigh: 'HH', High: 'H', Low: 'L', LowLow: 'LL' };

/**
 * One event's fields -> what the alarm model needs. Missing or odd fields get
 * a default that keeps the alarm visible (an active state unknown is taken
 * from Retain; unknown acknowledgement means "not acknowledged" while active)
 * and are named in `missing`.
 */
export function conditionEvent(fields: PlainFields, eventTypeName: string, receiveTime: number): ConditionEvent {
  if (eventTypeName === 'RefreshStartEventType') return { type: 'refreshStart' };
  if (eventTypeName === 'RefreshEndEventType') return { type: 'refreshEnd' };
  if (eventTypeName === 'EventQueueOverflowEventType') return { type: 'overflow' };
  const missing: string[] = [];
  const text = (field: ConditionField): string | null => {
    const value = fields[field];
    return typeof value === 'string' ? value : null;
  };
  const bool = (field: ConditionField, fallback: boolean): boolean => {
    const value = fields[field];
    if (typeof value === 'boolean') return value;
    missing.push(field.replace('.Id', ''));
    return fallback;
  };
  const sourceNode = text('SourceNode');
  const sourceName = text('SourceName') ?? sourceNode ?? '';
  let conditionId = text('ConditionId');
  if (conditionId === null || conditionId === '' || conditionId === 'ns=0;i=0') {
    missing.push('ConditionId');
    conditionId = `${sourceNode ?? sourceName}|${eventTypeName}`;
  }
  const time = finite(fields.Time) ?? (missing.push('Time'), receiveTime);
  const severity = finite(fields.Severity);
  if (severity === null) missing.push('Severity');
  const message = text('Message');
  if (message === null) missing.push('Message');
  const retain = typeof fields.Retain === 'boolean' ? fields.Retain : true;
  const active = bool('ActiveState.Id', retain);
  const acked = bool('AckedState.Id', !active);
  const confirmedValue = fields['ConfirmedState.Id'];
  const shelvingText = text('ShelvingState.CurrentState') ?? '';
  const branchId = text('BranchId');
  return {
    type: 'condition',
    update: {
      conditionId,
      branchId: branchId === null || branchId === 'ns=0;i=0' ? null : branchId,
      eventId: text('EventId'),
      eventType: eventTypeName,
      sourceNode,
      sourceName,
      conditionName: text('ConditionName') ?? '',
      time,
      receiveTime: finite(fields.ReceiveTime) ?? receiveTime,
      message: message ?? '',
      severity,
      retain,
      enabled: typeof fields['EnabledState.Id'] === 'boolean' ? fields['EnabledState.Id'] : true,
      active,
      acked,
      confirmed: typeof confirmedValue === 'boolean' ? confirmedValue : null,
      shelving: shelvingText.includes('TimedShelved') ? 'TimedShelved' : shelvingText.includes('OneShotShelved') ? 'OneShotShelved' : null,
      unshelveInMs: finite(fields['ShelvingState.UnshelveTime']),
      suppressed: fields['SuppressedState.Id'] === true,
      outOfService: fields['OutOfServiceState.Id'] === true,
      comment: text('Comment') ?? '',
      clientUserId: text('ClientUserId') ?? '',
      limitState: limitState(fields),
      missing,
    },
  };
}

/** An exclusive limit alarm names its state; a non-exclusive one has a flag per limit: the most severe set one. */
function limitState(fields: PlainFields): string | null {
  const exclusive = fields['LimitState.CurrentState'];
  if (typeof exclusive === 'string' && exclusive !== '') return LIMIT_WORDS[exclusive] ?? exclusive;
  if (fields['HighHighState.Id'] === true) return 'HH';
  if (fields['LowLowState.Id'] === true) return 'LL';
  if (fields['HighState.Id'] === true) return 'H';
  if (fields['LowState.Id'] === true) return 'L';
  return null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
