import { AttributeIds, DataType, type ClientSession, type DataValue } from 'node-opcua';
import { statusText } from '../../shared/status-code.js';
import type { SourceListener } from '../api/sample-source.js';
import { dataValueToSample, type SampleSlot } from './data-value-to-sample.js';
import type { OperationLimits } from './read-operation-limits.js';
import { readInBatches, readTagMetadata } from './read-tag-metadata.js';
import type { PlannedTag } from './subscription-plan.js';

/**
 * One connection's tags as the core sees them: their samples, their errors,
 * their metadata, and which of them went stale at the last loss.
 */
export class TagFeed {
  private readonly tags = new Map<number, PlannedTag>();
  private readonly monitored = new Set<number>();
  /** Marked Bad at the last loss and without a value since. */
  private readonly stale = new Set<number>();
  private pending: PlannedTag[] = [];
  /** Tags whose metadata read a lost connection cut short. */
  private undescribed: PlannedTag[] = [];
  /** Tags whose server said (UserAccessLevel HistoryRead) it keeps their history for us. */
  private readonly historyReadable = new Set<number>();
  private readonly slot: SampleSlot = { time: 0, value: 0, status: 0 };
  /** Per tag index, the variant type (dataType * 4 + arrayType) of its last non-null value. */
  private readonly variantTypes: number[] = [];

  /** `retyped` hears that a tag waits in takeUndescribed() because its values changed type. */
  constructor(
    private readonly serverName: string,
    private readonly listener: SourceListener,
    private readonly now: () => number,
    private readonly retyped: () => void = () => undefined,
  ) {}

  get(index: number): PlannedTag | undefined {
    return this.tags.get(index);
  }

  /** False until the tag's metadata has been read. */
  keepsHistory(index: number): boolean {
    return this.historyReadable.has(index);
  }

  /** New tags wait to be monitored; a tag already known is left as it is. */
  add(tags: readonly PlannedTag[]): void {
    const fresh = tags.filter((t) => !this.tags.has(t.index));
    for (const tag of fresh) this.tags.set(tag.index, tag);
    this.pending.push(...fresh);
  }

  /** Tags gone from the project: nothing of them is kept, and none is monitored again. */
  remove(indexes: ReadonlySet<number>): void {
    for (const index of indexes) {
      this.tags.delete(index);
      this.monitored.delete(index);
      this.stale.delete(index);
      this.historyReadable.delete(index);
      delete this.variantTypes[index];
    }
    const kept = (t: PlannedTag) => !indexes.has(t.index);
    this.pending = this.pending.filter(kept);
    this.undescribed = this.undescribed.filter(kept);
  }

  /** A new session monitors every tag again. */
  restart(): void {
    this.pending = [...this.tags.values()];
    this.undescribed = [];
    this.monitored.clear();
  }

  takePending(): PlannedTag[] {
    const pending = this.pending;
    this.pending = [];
    return pending;
  }

  takeUndescribed(): PlannedTag[] {
    const undescribed = this.undescribed;
    this.undescribed = [];
    return undescribed;
  }

  monitoring(tags: readonly PlannedTag[], refused: ReadonlyMap<number, number>): void {
    for (const tag of tags) if (!refused.has(tag.index)) this.monitored.add(tag.index);
  }

  /** The hot path: one reused slot, no allocation. */
  sample(tag: PlannedTag, dataValue: DataValue): void {
    this.checkType(tag, dataValue);
    const s = dataValueToSample(dataValue, this.now, this.slot);
    if (this.stale.size > 0) this.stale.delete(tag.index);
    this.listener.sample(tag.index, s.time, s.value, s.status);
  }

  /**
   * A server may change a node's DataType while the session lives (a PLC download). The metadata
   * is read once per session, so the values' own type is watched: a change re-reads it, and the
   * trend then says the tag changed type instead of drawing the new values as the old ones.
   * A Null variant (a Bad sample) says nothing about the type and is ignored.
   */
  private checkType(tag: PlannedTag, dataValue: DataValue): void {
    const { dataType, arrayType } = dataValue.value;
    if (dataType === DataType.Null) return;
    const type = dataType * 4 + arrayType;
    const known = this.variantTypes[tag.index];
    this.variantTypes[tag.index] = type;
    if (known === undefined || known === type) return;
    if (!this.undescribed.includes(tag)) this.undescribed.push(tag);
    this.retyped();
  }

  /** Every monitored tag keeps its last value under `status` until a fresh one arrives. */
  markStale(status: number): void {
    const indexes = [...this.monitored];
    for (const index of indexes) this.stale.add(index);
    this.listener.stale(indexes, this.now(), status);
  }

  reportError(tag: PlannedTag, status: number, what: string): void {
    this.listener.sample(tag.index, this.now(), Number.NaN, status);
    this.listener.log('warning', `${this.serverName}: ${tag.nodeId} ${what}`);
  }

  /**
   * Unit, range, type and access of each tag. A node that cannot be a tag
   * (unknown, not a Variable) is reported with the metadata's reason, the
   * most precise one; other refused items with the server's status.
   */
  async describe(session: ClientSession, limits: OperationLimits, tags: readonly PlannedTag[], refused: ReadonlyMap<number, number>): Promise<void> {
    const unexplained = new Map(refused);
    try {
      const metadata = await readTagMetadata(session, tags.map((t) => t.nodeId), limits);
      tags.forEach((tag, i) => {
        const result = metadata[i];
        if (!result) return;
        if (result.ok) {
          // Whether history can be read is the connection's business, not something TagInfo carries.
          const { historyRead, ...shown } = result.metadata;
          if (historyRead) this.historyReadable.add(tag.index);
          else this.historyReadable.delete(tag.index);
          return this.listener.metadata(tag.index, shown);
        }
        unexplained.delete(tag.index);
        this.monitored.delete(tag.index);
        this.reportError(tag, result.status, `cannot be a tag: ${result.reason}`);
      });
    } catch (error) {
      this.undescribed.push(...tags.filter((t) => !refused.has(t.index)));
      this.listener.log('warning', `${this.serverName}: cannot read tag metadata yet (${error instanceof Error ? error.message : String(error)}); reading it again after reconnecting`);
    }
    for (const [index, status] of unexplained) {
      const tag = this.tags.get(index);
      if (tag) this.reportError(tag, status, `cannot monitor: ${statusText(status)}`);
    }
  }

  /**
   * A reactivated session keeps its subscriptions, and the server then sends
   * only changes: a value that did not move during the outage would stay
   * Bad. So whatever is still stale is read once.
   */
  async refreshStale(session: ClientSession, limits: OperationLimits): Promise<void> {
    const tags = [...this.stale].map((index) => this.tags.get(index)).filter((t) => t !== undefined);
    if (tags.length === 0) return;
    const values = await readInBatches(session, tags.map((t) => ({ nodeId: t.nodeId, attributeId: AttributeIds.Value })), limits.maxNodesPerRead);
    tags.forEach((tag, i) => {
      const value = values[i];
      if (value && this.stale.has(tag.index)) this.sample(tag, value);
    });
  }
}
