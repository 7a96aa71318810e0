import {
  type AlarmActionResult, type AlarmApi, type AlarmIdsRequest, type AlarmsEvent, type ShelveAlarmsRequest,
} from '../../shared/api/alarm-api.js';
import { alarmTarget } from '../../shared/api/alarm-target.js';
import { ApiError, type TagInfo } from '../../shared/contract.js';
import type { Log, SampleObserver } from '../api/sample-source.js';
import type { AlarmEngine } from './alarm-engine.js';
import { AlarmBook, type AlarmRecord } from './alarm-book.js';
import type { AlarmDefinition } from './alarm-definition.js';
import type { AlarmJournal } from './alarm-journal.js';
import type { AlarmStateStore } from './alarm-state-file.js';
import { computeAlarmKpis, type OperatorPosition } from './alarm-kpis.js';
import { ConnectionConditions, type ConditionAction } from './condition-alarms.js';
import { lookUpCondition, type ConditionDetail } from './condition-details.js';
import type { ConditionHost, ConditionSource } from './condition-source.js';
import { systemClock, type AlarmClock } from './deadline-queue.js';
import { journalCsv } from './journal-csv.js';
import { kpiCsv, kpiHtml } from './kpi-report.js';
import { expandDefinitions } from './local-alarm.js';
import { LocalAlarms, type LocalAction } from './local-alarms.js';
import { SystemAlarms } from './system-alarms.js';

export interface AlarmServiceOptions {
  /** The core's tag list; read when definitions load and when a condition needs its tag. */
  readonly tags: () => readonly TagInfo[];
  readonly journal: AlarmJournal;
  /** Sends the `alarms` event to every renderer (TidewatchCore.broadcast). */
  readonly publish: (event: AlarmsEvent) => void;
  /** Who acts at this station, for the journal (the OS user until there is a login). */
  readonly user: () => string;
  readonly log: Log;
  readonly clock?: AlarmClock;
  /** Keeps the local alarms' states across restarts; absent: every start is from normal. */
  readonly states?: AlarmStateStore;
}

/** States are written at most this often: a burst of changes (a flood, Acknowledge visible) is one write. */
const SAVE_STATES_MS = 1_000;

/** An alarm action's permission: the action on the alarm's target (alarmTarget). */
export type TargetedAlarmAction = 'acknowledge' | 'shelve';

/** Why the caller may not take this action on this target, or null when they may. */
export type AlarmPermit = (action: TargetedAlarmAction, target: string) => string | null;

/** Journal exports stop here: a spreadsheet of a quarter of a million rows is already more than anyone reads. */
const MAX_EXPORT_ROWS = 250_000;

/**
 * AlarmApi over the local alarm engine, the OPC UA condition sources and the
 * journal. Register the service as a sample observer (before the historian),
 * `api()` with the core, and the service as the ConditionHost of every OPC UA
 * connection; `loadDefinitions` once the project's tags exist, and again on reload.
 */
export class AlarmService implements ConditionHost, SampleObserver {
  private readonly book: AlarmBook;
  private readonly system: SystemAlarms;
  private local: LocalAlarms | null = null;
  private engine: AlarmEngine | null = null;
  private readonly connections = new Map<string, ConnectionConditions>();
  private readonly clock: AlarmClock;
  private tagCache: { tags: readonly TagInfo[]; byId: Map<string, TagInfo>; byNode: Map<string, string> } | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private positions: readonly OperatorPosition[] = [];
  private conditionDetails: readonly ConditionDetail[] = [];

  constructor(private readonly options: AlarmServiceOptions) {
    this.clock = options.clock ?? systemClock;
    // Every change reaches the renderers through one coalesced publish: the states are saved after it.
    const publish = (event: AlarmsEvent) => {
      options.publish(event);
      this.saveStatesSoon();
    };
    this.book = new AlarmBook(options.journal, publish, this.clock, options.log);
    this.system = new SystemAlarms(this.book, this.clock);
  }

  /** The station's own alarm `id` (area "System", high priority): raised again with a new message, it keeps one row. */
  raiseSystemAlarm(id: string, name: string, message: string): void {
    this.system.raise(id, name, message);
  }

  /** Its cause is gone: the alarm returns to normal (and leaves the list once acknowledged). */
  clearSystemAlarm(id: string): void {
    this.system.clear(id);
  }

  /** The hot path: every sample, synchronously, straight into the engine. */
  sample(index: number, time: number, value: number, status: number): void {
    this.engine?.sample(index, time, value, status);
  }

  /**
   * (Re)builds the local alarms from definitions already checked with
   * validateAlarmDefinitions against the tags the core now has. A reload
   * starts every local alarm from normal: the next sample re-raises what holds.
   */
  loadDefinitions(definitions: readonly AlarmDefinition[]): void {
    // A reload carries each unchanged alarm's state over; the first load takes what the last run saved.
    const saved = this.local ? new Map(this.local.snapshot().map((state) => [state.id, state])) : (this.options.states?.load() ?? new Map());
    this.local?.dispose();
    this.local = new LocalAlarms(expandDefinitions(definitions), (id) => this.tagLookup().byId.get(id)?.index, this.book, this.clock, saved);
    this.engine = this.local.engine;
  }

  /** The project's operator positions, for the KPIs; none: the whole plant as one. */
  setPositions(positions: readonly OperatorPosition[]): void {
    this.positions = positions;
  }

  /** The project's areas and guidance for the servers' own alarms, from their next event on. */
  setConditionDetails(details: readonly ConditionDetail[]): void {
    this.conditionDetails = details;
  }

  addConditionSource(connectionId: string, source: ConditionSource): () => void {
    this.connections.get(connectionId)?.dispose();
    const tagIdOfNode = (connection: string, nodeId: string) => this.tagLookup().byNode.get(`${connection}\u0000${nodeId}`) ?? null;
    const lookUp = (sourceName: string, conditionName: string) => lookUpCondition(this.conditionDetails, connectionId, sourceName, conditionName);
    const conditions = new ConnectionConditions(connectionId, source, this.book, tagIdOfNode, lookUp, this.clock, this.options.log);
    this.connections.set(connectionId, conditions);
    source.start(conditions);
    return () => {
      if (this.connections.get(connectionId) !== conditions) return;
      this.connections.delete(connectionId);
      conditions.dispose();
    };
  }

  /**
   * The methods to register with the core; bound, because the core spreads them into one object.
   * `actor` names who acts (the logged-in user of the calling session, once there is one);
   * `permit` checks each alarm against that user's role and areas (alarmTarget) and returns
   * why not, or null: one alarm outside them is refused alone, the others go ahead.
   */
  api(actor: () => string = this.options.user, permit: AlarmPermit = () => null): AlarmApi {
    const each = (action: TargetedAlarmAction, ids: readonly string[], local: LocalAction | 'comment', remote: ConditionAction | string, comment?: string) =>
      this.each({ actor, permit, action }, ids, local, remote, comment);
    return {
      listAlarms: async () => this.book.list(),
      acknowledgeAlarms: (r) => each('acknowledge', r.ids, { type: 'ack', comment: r.comment ?? '' }, { type: 'ack', comment: r.comment ?? '' }),
      confirmAlarms: (r) => each('acknowledge', r.ids, { type: 'confirm', comment: r.comment ?? '' }, { type: 'confirm', comment: r.comment ?? '' }),
      resetAlarms: (r) => each('acknowledge', r.ids, { type: 'reset', comment: r.comment ?? '' }, 'an OPC UA condition is reset at its server'),
      commentAlarm: async (r) => (await each('acknowledge', [r.id], 'comment', { type: 'comment', comment: r.comment }, r.comment))[0]!,
      shelveAlarms: (r) => each('shelve', r.ids, shelveAction(r), shelveAction(r)),
      unshelveAlarms: (r: AlarmIdsRequest) => each('shelve', r.ids, { type: 'unshelve', comment: r.comment ?? '' }, { type: 'unshelve' }),
      setAlarmsInService: (r) => each('shelve', r.ids, { type: 'service', inService: r.inService, reason: r.reason }, 'an OPC UA condition is enabled or disabled at its server'),
      silenceAlarms: async () => {
        if (this.book.silence() > 0) this.book.journal(null, 'silence', this.clock.now(), { user: actor(), source: 'station' });
      },
      queryAlarmJournal: (r) => this.options.journal.query({ from: r.from, to: r.to, text: r.text ?? '', limit: r.limit ?? 1_000 }),
      exportAlarmJournal: async (r) => {
        const page = await this.options.journal.query({ from: r.from, to: r.to, text: r.text ?? '', limit: MAX_EXPORT_ROWS });
        return { filename: `alarm-journal-${stamp(r.from)}-${stamp(r.to)}.csv`, mimeType: 'text/csv', content: journalCsv(page.entries) };
      },
      alarmKpis: (r) => this.kpis(r.from, r.to),
      alarmKpiReport: async (r) => {
        const kpis = await this.kpis(r.from, r.to);
        const name = `alarm-kpis-${stamp(r.from)}-${stamp(r.to)}`;
        return r.format === 'csv'
          ? { filename: `${name}.csv`, mimeType: 'text/csv', content: kpiCsv(kpis) }
          : { filename: `${name}.html`, mimeType: 'text/html', content: kpiHtml(kpis) };
      },
    };
  }

  dispose(): void {
    this.saveStates();
    this.engine = null;
    this.local?.dispose();
    for (const conditions of this.connections.values()) conditions.dispose();
    this.connections.clear();
    this.book.dispose();
  }

  /** One action on each alarm; every id gets its own answer, so one refusal loses nothing else. */
  private async each(
    caller: { readonly actor: () => string; readonly permit: AlarmPermit; readonly action: TargetedAlarmAction },
    ids: readonly string[],
    local: LocalAction | 'comment',
    remote: ConditionAction | string,
    comment?: string,
  ): Promise<AlarmActionResult[]> {
    const user = caller.actor();
    return Promise.all(
      ids.map(async (id): Promise<AlarmActionResult> => {
        const record = this.book.get(id);
        if (record === undefined) return { id, ok: false, status: null, message: 'no such alarm (it may have returned to normal and been removed)' };
        const refusal = caller.permit(caller.action, alarmTarget(record));
        if (refusal !== null) return { id, ok: false, status: null, message: refusal };
        if (record.origin === 'local') {
          if (local === 'comment') return this.comment(record, comment ?? '', user);
          return this.local?.owns(record) ? this.local.act(record, local, user) : { id, ok: false, status: null, message: 'its definition was unloaded' };
        }
        if (record.origin === 'system') {
          if (local === 'comment') return this.comment(record, comment ?? '', user);
          if (local.type === 'ack' && this.system.owns(record)) return this.system.act(record, 'ack', user, local.comment);
          return { id, ok: false, status: null, message: 'a system alarm is only acknowledged: it clears when its cause is fixed' };
        }
        const connection = record.connectionId === null ? undefined : this.connections.get(record.connectionId);
        if (connection === undefined) return { id, ok: false, status: null, message: `its connection ${record.connectionId ?? ''} is not running` };
        if (typeof remote === 'string') return { id, ok: false, status: null, message: remote };
        return connection.act(record, remote, user);
      }),
    );
  }

  private saveStatesSoon(): void {
    if (this.saveTimer !== null || this.options.states === undefined) return;
    this.saveTimer = setTimeout(() => this.saveStates(), SAVE_STATES_MS);
    this.saveTimer.unref?.();
  }

  private saveStates(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.local) this.options.states?.save(this.local.snapshot());
  }

  private comment(record: AlarmRecord, comment: string, user: string): AlarmActionResult {
    record.lastComment = comment;
    this.book.changed(record);
    this.book.journal(record, 'comment', this.clock.now(), { user, comment });
    return { id: record.id, ok: true, status: null, message: 'Good' };
  }

  private async kpis(from: number, to: number) {
    const page = await this.options.journal.query({ from, to, limit: MAX_EXPORT_ROWS });
    if (page.truncated) throw new ApiError(`alarmKpis: the period holds more than ${MAX_EXPORT_ROWS} journal entries; choose a shorter one`);
    return computeAlarmKpis({ from, to, entries: page.entries, current: this.book.listedViews(), positions: this.positions, now: this.clock.now() });
  }

  private tagLookup() {
    const tags = this.options.tags();
    if (this.tagCache?.tags !== tags || this.tagCache.byId.size !== tags.length) {
      this.tagCache = {
        tags,
        byId: new Map(tags.map((tag) => [tag.id, tag])),
        byNode: new Map(tags.map((tag) => [`${tag.connectionId}\u0000${tag.nodeId}`, tag.id])),
      };
    }
    return this.tagCache;
  }
}

function shelveAction(r: ShelveAlarmsRequest): LocalAction & ConditionAction {
  return { type: 'shelve', mode: r.mode, durationMs: r.durationMs, reason: r.reason };
}

function stamp(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace(/[-:]/g, '');
}
