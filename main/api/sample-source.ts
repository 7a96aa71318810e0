import type { Deadband } from '../../shared/api/connection-api.js';
import type { ConnectionStatus, TagInfo } from '../../shared/contract.js';

export type LogLevel = 'info' | 'warning' | 'error';
export type Log = (level: LogLevel, message: string) => void;

/** How a tag is subscribed beyond its sampling interval; an absent field takes its server's default. */
export interface TagSubscriptionFields {
  readonly publishingInterval?: number;
  readonly queueSize?: number;
  readonly deadband?: Deadband;
}

export interface TagDefinition extends TagSubscriptionFields {
  readonly name: string;
  readonly displayName?: string;
  readonly description: string;
  readonly nodeId: string;
  readonly samplingInterval: number;
  /** Overrides the server's EngineeringUnits. */
  readonly unit?: string;
  readonly decimals?: number;
}

export interface ConnectionDefinition {
  readonly id: string;
  readonly name: string;
  readonly endpointUrl: string;
  readonly publishingInterval: number;
  readonly tags: readonly TagDefinition[];
}

/** What the core needs from a source of samples; main/opcua provides the real one. */
export interface SampleSource {
  readonly status: ConnectionStatus;
  start(): void;
  write(tagIndex: number, value: number | boolean): Promise<number>;
  /** A fresh Read of the tag's value from the server (maxAge 0), for the read-back after a write. */
  read(tagIndex: number): Promise<{ readonly value: number; readonly status: number }>;
  stop(): Promise<void>;
  /** Tags added at runtime (the address-space browser); a source that cannot take them leaves it out. */
  addTags?(tags: readonly SourceTag[]): Promise<void>;
  /** Tags removed at runtime, by index; rejects when it cannot (not connected), and the core's caller rebuilds the connection. */
  removeTags?(indexes: ReadonlySet<number>): Promise<void>;
}

export interface SourceListener {
  sample(index: number, time: number, value: number, status: number): void;
  stale(tagIndexes: readonly number[], time: number, status: number): void;
  metadata(index: number, metadata: Pick<TagInfo, 'unit' | 'euRange' | 'dataType' | 'writable' | 'description'>): void;
  status(status: ConnectionStatus): void;
  log(level: LogLevel, message: string): void;
}

export interface SourceTag extends TagSubscriptionFields {
  readonly index: number;
  readonly nodeId: string;
  readonly samplingInterval: number;
}

export interface SourceConfig extends Omit<ConnectionDefinition, 'tags'> {
  readonly tags: readonly SourceTag[];
}

export type SourceFactory = (config: SourceConfig, listener: SourceListener) => SampleSource;


/** Sees every sample after the tag cache, in registration order: the alarm engine, then the historian. */
export interface SampleObserver {
  sample(index: number, time: number, value: number, status: number): void;
}
