import type { ConnectionStatus, TagInfo } from '../../shared/contract.js';
import type { LogLevel, SourceListener } from '../../main/api/sample-source.js';

export interface RecordedSample {
  readonly time: number;
  readonly value: number;
  readonly status: number;
  /** When it arrived here, ms since epoch. */
  readonly at: number;
}

type Metadata = Pick<TagInfo, 'unit' | 'euRange' | 'dataType' | 'writable' | 'description'>;

/** A core stand-in for tests of one connection: keeps what it is told, newest sample per tag and a count. */
export class RecordingListener implements SourceListener {
  readonly latest = new Map<number, RecordedSample>();
  readonly counts = new Map<number, number>();
  readonly statuses: ConnectionStatus[] = [];
  readonly logs: string[] = [];
  readonly metadataByTag = new Map<number, Metadata>();
  /** Every sample of the tags listed in `keepAll`, in arrival order. */
  readonly history = new Map<number, RecordedSample[]>();

  constructor(private readonly keepAll: ReadonlySet<number> = new Set()) {}

  sample(index: number, time: number, value: number, status: number): void {
    const sample = { time, value, status, at: Date.now() };
    this.latest.set(index, sample);
    this.counts.set(index, (this.counts.get(index) ?? 0) + 1);
    if (this.keepAll.has(index)) this.history.set(index, [...(this.history.get(index) ?? []), sample]);
  }

  stale(indexes: readonly number[], time: number, status: number): void {
    for (const index of indexes) this.sample(index, time, this.latest.get(index)?.value ?? Number.NaN, status);
  }

  metadata(index: number, metadata: Metadata): void {
    this.metadataByTag.set(index, metadata);
  }

  status(status: ConnectionStatus): void {
    this.statuses.push(status);
  }

  log(level: LogLevel, message: string): void {
    this.logs.push(`${level} ${message}`);
  }

  get state(): ConnectionStatus | undefined {
    return this.statuses.at(-1);
  }
}
