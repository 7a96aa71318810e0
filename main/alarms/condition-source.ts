import type { LogLevel } from '../api/sample-source.js';

/**
 * One OPC UA condition event as the alarm model reads it, whatever the server
 * sent: missing or odd fields get a stated default and are named in `missing`,
 * so the alarm still appears with what is known.
 */
export interface ConditionUpdate {
  /** The ConditionId NodeId as text; synthesized from SourceNode and EventType when a server leaves it out. */
  readonly conditionId: string;
  readonly branchId: string | null;
  /** The EventId as hex: Acknowledge and Confirm must quote it. */
  readonly eventId: string | null;
  readonly eventType: string;
  readonly sourceNode: string | null;
  readonly sourceName: string;
  readonly conditionName: string;
  /** Source time of the event, ms since epoch. */
  readonly time: number;
  readonly receiveTime: number;
  readonly message: string;
  readonly severity: number | null;
  readonly retain: boolean;
  readonly enabled: boolean;
  readonly active: boolean;
  readonly acked: boolean;
  /** null when the condition has no ConfirmedState (it needs no confirm). */
  readonly confirmed: boolean | null;
  readonly shelving: 'TimedShelved' | 'OneShotShelved' | null;
  readonly unshelveInMs: number | null;
  readonly suppressed: boolean;
  readonly outOfService: boolean;
  readonly comment: string;
  readonly clientUserId: string;
  /** e.g. "High" for a limit alarm, null otherwise. */
  readonly limitState: string | null;
  readonly missing: readonly string[];
}

/** Where a condition source reports; the alarm service implements it per connection. */
export interface ConditionSink {
  condition(update: ConditionUpdate): void;
  /** A ConditionRefresh began (RefreshStartEvent): what follows is the server's full retained list. */
  refreshStarted(): void;
  refreshEnded(): void;
  /** The connection dropped: the conditions shown are the last known state. */
  lost(reason: string): void;
  log(level: LogLevel, message: string): void;
}

export interface ConditionTarget {
  readonly conditionId: string;
  readonly branchId: string | null;
  readonly eventId: string | null;
}

export interface MethodOutcome {
  /** The OPC UA StatusCode. */
  readonly status: number;
  /** Its name, e.g. "BadConditionBranchAlreadyAcked". */
  readonly statusText: string;
}

/** The condition methods, called on the server; the outcome is the server's answer. */
export interface ConditionMethods {
  acknowledge(target: ConditionTarget, comment: string): Promise<MethodOutcome>;
  confirm(target: ConditionTarget, comment: string): Promise<MethodOutcome>;
  addComment(target: ConditionTarget, comment: string): Promise<MethodOutcome>;
  timedShelve(target: ConditionTarget, durationMs: number): Promise<MethodOutcome>;
  oneShotShelve(target: ConditionTarget): Promise<MethodOutcome>;
  unshelve(target: ConditionTarget): Promise<MethodOutcome>;
}

/** An OPC UA Alarms & Conditions client for one connection (main/opcua/alarm-events.ts). */
export interface ConditionSource extends ConditionMethods {
  start(sink: ConditionSink): void;
  dispose(): Promise<void>;
}

/** What an OPC UA connection hands its condition source to: the alarm service. */
export interface ConditionHost {
  addConditionSource(connectionId: string, source: ConditionSource): () => void;
}
