import type { OperatorApi, ReadBack, WriteOutcome, WritePreparation } from '../../shared/api/auth-api.js';
import type { WriteTagRequest } from '../../shared/api/live-api.js';
import { ApiError, type ConnectionStatus, type EuRange, type TagInfo } from '../../shared/contract.js';
import { qualityOf, StatusCode, statusText } from '../../shared/status-code.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { checkOperable } from './check-operable.js';
import { checkWrite } from './check-write.js';
import { SBO_IDLE, selectBeforeOperate, type SboEvent, type SboState } from './select-before-operate.js';

/** What the write path needs from the core; narrow so it cannot reach anything else. */
export interface WriteHost {
  tag(tagId: string): TagInfo | undefined;
  /** The project's tags[].writeLimits. */
  writeLimits(tagId: string): EuRange | null;
  /** The project marks the tag critical: select-before-operate. */
  isCritical(tagId: string): boolean;
  latest(tagIndex: number): { readonly value: number; readonly status: number } | undefined;
  connection(connectionId: string): ConnectionStatus | undefined;
  /** The server's StatusCode for the write. */
  write(tag: TagInfo, value: number | boolean): Promise<number>;
  /** A fresh Read of the Value attribute (maxAge 0), straight after a Good write. */
  read(tag: TagInfo): Promise<{ readonly value: number; readonly status: number }>;
}

export interface Actor {
  readonly user: string;
  readonly station: string;
}

export const DEFAULT_SELECT_TIMEOUT_MS = 30_000;

/**
 * One session's writes: checked against the tag's type, range and the
 * project's limits, refused while the connection or the tag is Bad, critical
 * tags only after a select, the server's StatusCode returned as it is (a Bad
 * code is never turned into success), the value read back, and every write
 * (and every refusal) recorded in the audit trail.
 */
export class OperatorActions implements OperatorApi {
  private sbo: SboState = SBO_IDLE;

  constructor(
    private readonly host: WriteHost,
    private readonly audit: AuditTrail,
    private readonly actor: () => Actor,
    private readonly selectTimeoutMs = DEFAULT_SELECT_TIMEOUT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async prepareWrite(request: WriteTagRequest): Promise<WritePreparation> {
    const tag = this.checked('prepareWrite', request);
    const { user, station } = this.actor();
    let expiresAt: number | null = null;
    if (this.host.isCritical(tag.id)) {
      const { outcome } = this.step({ type: 'select', target: tag.id, value: request.value, user, now: this.now(), timeoutMs: this.selectTimeoutMs });
      if (outcome.kind === 'selected') expiresAt = outcome.selection.expiresAt;
      this.audit.record({ action: 'select', user, station, target: tag.id, oldValue: this.oldValue(tag), newValue: request.value, result: 'ok', detail: `operate within ${Math.round(this.selectTimeoutMs / 1000)} s` });
    }
    return { tagId: tag.id, tagName: tag.name, unit: tag.unit, dataType: tag.dataType, oldValue: this.oldValue(tag), newValue: request.value, expiresAt };
  }

  async writeTag(request: WriteTagRequest): Promise<WriteOutcome> {
    const { user, station } = this.actor();
    const record = (tag: string, oldValue: number | boolean | null, result: string, detail = '') =>
      this.audit.record({ action: 'write', user, station, target: tag, oldValue, newValue: request.value, result, detail });
    let tag: TagInfo;
    try {
      tag = this.checked('writeTag', request);
      if (this.host.isCritical(tag.id)) {
        const { outcome } = this.step({ type: 'operate', target: tag.id, value: request.value, user, now: this.now() });
        if (outcome.kind === 'refused') throw new ApiError(`writeTag: ${outcome.reason}`);
      }
    } catch (error) {
      if (error instanceof ApiError) record(request.tagId, null, `refused: ${error.message.replace(/^writeTag: /, '')}`);
      throw error;
    }
    const oldValue = this.oldValue(tag);
    let status: number;
    try {
      status = (await this.host.write(tag, request.value)) >>> 0;
    } catch (error) {
      record(tag.id, oldValue, `error: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
    const readBack = qualityOf(status) === 'good' ? await this.readBack(tag, request.value) : null;
    const detail = readBack === null ? '' : readBack.matches ? `read back ${String(readBack.value)}` : `read back ${String(readBack.value)} (${readBack.statusText}): not what was written`;
    try {
      record(tag.id, oldValue, statusText(status), detail);
    } catch (error) {
      throw new ApiError(`writeTag: ${tag.id}: the server answered ${statusText(status)}, but the audit trail could not record it: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { status, statusText: statusText(status), readBack };
  }

  private checked(method: string, request: WriteTagRequest): TagInfo {
    const tag = this.host.tag(request.tagId);
    if (!tag) throw new ApiError(`${method}: tagId: unknown tag ${JSON.stringify(request.tagId)}`);
    const inoperable = checkOperable(tag.id, this.host.connection(tag.connectionId), this.host.latest(tag.index)?.status);
    if (inoperable !== null) throw new ApiError(`${method}: ${inoperable}`);
    const check = checkWrite({ ...tag, writeLimits: this.host.writeLimits(tag.id) }, request.value);
    if (!check.ok) throw new ApiError(`${method}: ${check.message}`);
    return tag;
  }

  private step(event: SboEvent) {
    const next = selectBeforeOperate(this.sbo, event);
    this.sbo = next.state;
    return next;
  }

  private oldValue(tag: TagInfo): number | boolean | null {
    const latest = this.host.latest(tag.index);
    if (latest === undefined || Number.isNaN(latest.value)) return null;
    return tag.dataType === 'Boolean' ? latest.value !== 0 : latest.value;
  }

  private async readBack(tag: TagInfo, written: number | boolean): Promise<ReadBack> {
    try {
      const { value, status } = await this.host.read(tag);
      const shown = Number.isNaN(value) ? null : tag.dataType === 'Boolean' ? value !== 0 : value;
      return { value: shown, status, statusText: statusText(status), matches: qualityOf(status) === 'good' && sameValue(tag.dataType, written, shown) };
    } catch (error) {
      return { value: null, status: StatusCode.BadCommunicationError, statusText: `${statusText(StatusCode.BadCommunicationError)}: ${error instanceof Error ? error.message : String(error)}`, matches: false };
    }
  }
}

/** A Float holds what was written to 32-bit precision; everything else exactly. */
function sameValue(dataType: string, written: number | boolean, read: number | boolean | null): boolean {
  if (typeof written === 'number' && typeof read === 'number' && dataType === 'Float') return Math.fround(written) === Math.fround(read);
  return written === read;
}
