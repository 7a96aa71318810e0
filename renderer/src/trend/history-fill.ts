import type { HistorySeries, ReadHistoryRequest } from '../../../shared/contract.js';
import { errorMessage } from '../session/error-message.js';

export type HistoryStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | {
      readonly state: 'ready';
      /** Pens (tag ids) whose older history came from their OPC UA server, the local historian having none. */
      readonly fromServer: readonly string[];
      /** "tag id: why", for pens whose server could not give the history the local historian lacks. */
      readonly serverErrors: readonly string[];
    }
  | { readonly state: 'unavailable'; readonly message: string };

/** What the trend lacks: these pens over [from, to), at about `buckets` columns. */
export interface HistoryWant {
  readonly tagIds: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly buckets: number;
}

export interface HistoryFillOptions {
  readonly now: () => number;
  /** Called when series or status changed: the chart redraws, the panel shows the status. */
  readonly onChange: () => void;
}

/** A live view slides every frame; asking history more often than this would only repeat the answer. */
const MIN_INTERVAL_MS = 1000;
/** After a failure, the same question waits this long; a different one (a zoom) is asked at once. */
const RETRY_MS = 30_000;
/** The historian refuses more; a longer history has coarser buckets. */
const MAX_BUCKETS = 10_000;

/**
 * History behind the samples in memory, read without blocking: one request at a time, the
 * newest want wins, and an answer is kept until a want it does not cover. When history cannot
 * be read (no historian in this session) the trend keeps what it has and says why.
 */
export class HistoryFill {
  readonly #read: (request: ReadHistoryRequest) => Promise<readonly HistorySeries[]>;
  readonly #options: HistoryFillOptions;
  #series = new Map<string, HistorySeries>();
  #have: HistoryWant | null = null;
  #inFlight = false;
  #lastAsked: { readonly want: HistoryWant; readonly at: number; readonly failed: boolean } | null = null;
  #pending: HistoryWant | null = null;
  #status: HistoryStatus = { state: 'idle' };
  #disposed = false;

  constructor(read: (request: ReadHistoryRequest) => Promise<readonly HistorySeries[]>, options: HistoryFillOptions) {
    this.#read = read;
    this.#options = options;
  }

  get status(): HistoryStatus {
    return this.#status;
  }

  series(tagId: string): HistorySeries | undefined {
    return this.#series.get(tagId);
  }

  /** Called every frame with what the view lacks (null for nothing); asks only when that is news. */
  want(want: HistoryWant | null): void {
    this.#pending = want;
    if (want === null || this.#inFlight || this.#disposed || covers(this.#have, want)) return;
    const now = this.#options.now();
    const last = this.#lastAsked;
    // After a failure a live view that merely slid asks again only after RETRY_MS; a zoom, a pan or a new pen asks at once.
    if (last !== null && now - last.at < (last.failed && similar(last.want, want) ? RETRY_MS : MIN_INTERVAL_MS)) return;
    this.#ask(want, now);
  }

  /** Forgets everything, e.g. when the pens changed meaning after a reconnect. */
  clear(): void {
    this.#series = new Map();
    this.#have = null;
    this.#lastAsked = null;
    this.#options.onChange();
  }

  dispose(): void {
    this.#disposed = true;
  }

  #ask(want: HistoryWant, now: number): void {
    const request: ReadHistoryRequest = {
      tagIds: [...want.tagIds],
      from: Math.floor(want.from),
      to: Math.max(Math.floor(want.from) + 1, Math.ceil(want.to)),
      buckets: Math.min(MAX_BUCKETS, Math.max(1, Math.round(want.buckets))),
    };
    this.#inFlight = true;
    this.#lastAsked = { want, at: now, failed: false };
    if (this.#status.state !== 'unavailable') this.#setStatus({ state: 'loading' });
    this.#read(request).then(
      (series) => {
        this.#inFlight = false;
        if (this.#disposed) return;
        this.#series = new Map(series.map((s) => [s.tagId, s]));
        this.#have = want;
        this.#setStatus({
          state: 'ready',
          fromServer: series.filter((s) => s.fromServer !== undefined).map((s) => s.tagId),
          serverErrors: series.flatMap((s) => (s.error === undefined ? [] : [`${s.tagId}: ${s.error}`])),
        });
        this.#again();
      },
      (error: unknown) => {
        this.#inFlight = false;
        if (this.#disposed) return;
        this.#lastAsked = { want, at: now, failed: true };
        this.#setStatus({ state: 'unavailable', message: errorMessage(error) });
        this.#again();
      },
    );
  }

  /** The view may have moved while the answer was on its way. */
  #again(): void {
    const pending = this.#pending;
    if (pending !== null) this.want(pending);
  }

  #setStatus(status: HistoryStatus): void {
    this.#status = status;
    this.#options.onChange();
  }
}

/** An answer still serves a want inside its range, for the same pens, at no coarser than twice the columns. */
function covers(have: HistoryWant | null, want: HistoryWant): boolean {
  if (have === null) return false;
  const column = (want.to - want.from) / Math.max(1, want.buckets);
  const haveColumn = (have.to - have.from) / Math.max(1, have.buckets);
  const tags = new Set(have.tagIds);
  return (
    have.from <= want.from + column &&
    have.to >= want.to - column &&
    haveColumn <= column * 2 &&
    want.tagIds.every((id) => tags.has(id))
  );
}

/** The same pens over about the same stretch: what a sliding live view asks frame after frame. */
function similar(a: HistoryWant, b: HistoryWant): boolean {
  const slack = (a.to - a.from) / 4;
  return a.tagIds.length === b.tagIds.length && a.tagIds.every((id, i) => b.tagIds[i] === id) && Math.abs(a.from - b.from) <= slack && Math.abs(a.to - b.to) <= slack;
}
