import type { ExportHistoryRequest, HistoryApi, HistoryFile, HistorySeries, ReadHistoryRequest } from '../../shared/api/history-api.js';
import { ApiError } from '../../shared/contract.js';
import { fillFromServer } from './fill-from-server.js';
import type { Historian } from './historian.js';
import { historyCsv, intervalForBuckets } from './history-csv.js';
import type { ServerHistory } from './server-history.js';

/** Raw points one readHistory call may return over all its tags: a bound on one answer's size. */
export const RAW_POINTS_PER_REQUEST = 200_000;

/** One export's CSV, in characters (bytes, for the ASCII it mostly is): it travels as one message. */
export const MAX_EXPORT_CHARS = 32 * 1024 * 1024;

/**
 * HistoryApi over the local historian and, for the stretch before its first
 * sample of a tag, that tag's OPC UA server (`server`, see fill-from-server.ts).
 * `isKnownTag` says whether a tag id is one the app has (TagInfo.id): history
 * is not read for names that never were. The methods are own properties
 * (arrows), so registerApi's object spread keeps them.
 */
export class HistoryService implements HistoryApi {
  constructor(
    private readonly historian: Pick<Historian, 'readSeries'>,
    private readonly isKnownTag: (tagId: string) => boolean,
    private readonly server: ServerHistory | null = null,
    private readonly maxExportChars = MAX_EXPORT_CHARS,
  ) {}

  readonly readHistory = async (request: ReadHistoryRequest): Promise<readonly HistorySeries[]> => {
    this.checkTags('readHistory', request.tagIds);
    const limit = Math.floor(RAW_POINTS_PER_REQUEST / request.tagIds.length);
    const series = await reading('readHistory', () =>
      this.historian.readSeries({
        tagIds: request.tagIds,
        from: request.from,
        to: request.to,
        buckets: request.buckets,
        rawLimit: limit,
        exact: false,
        points: true,
      }),
    );
    // Each pen's server is asked on its own, all at once: one that refuses or is slow costs only its own pen.
    return Promise.all(
      series.map((s): Promise<HistorySeries> => {
        if (s.kind === 'buckets') throw new Error('readHistory: the reader answered aggregate rows where points were asked for');
        const local = { tagId: s.tagId, time: plainNumbers(s.time), value: plainNumbers(s.value), status: plainNumbers(s.status), truncated: s.kind === 'raw' && s.truncated };
        return fillFromServer(local, request, this.server, limit);
      }),
    );
  };

  /** Streams the CSV and stops as soon as it would pass the size limit: a huge range is refused, never held in memory. */
  readonly exportHistory = async (request: ExportHistoryRequest): Promise<HistoryFile> => {
    this.checkTags('exportHistory', request.tagIds);
    const { tagIds, from, to } = request;
    const intervalMs = request.intervalMs ?? (request.buckets === undefined ? 0 : intervalForBuckets(from, to, request.buckets));
    const content = await reading('exportHistory', async () => {
      const chunks: string[] = [];
      let size = 0;
      for await (const chunk of historyCsv(this.historian, { tagIds, from, to, intervalMs })) {
        size += chunk.length;
        if (size > this.maxExportChars) {
          const mb = (this.maxExportChars / 1024 / 1024).toLocaleString('en');
          throw new ApiError(`exportHistory: range too large: the file would pass ${mb} MB; choose a shorter range, fewer tags or ${intervalMs === 0 ? 'aggregated rows' : 'a longer interval'}`);
        }
        chunks.push(chunk);
      }
      return chunks.join('');
    });
    return { filename: `history-${stamp(from)}-${stamp(to)}${intervalMs === 0 ? '' : `-${intervalMs}ms`}.csv`, mimeType: 'text/csv', content };
  };

  private checkTags(method: string, tagIds: readonly string[]): void {
    const unknown = tagIds.flatMap((tagId, i) => (this.isKnownTag(tagId) ? [] : [`tagIds.${i}: unknown tag ${JSON.stringify(tagId)}`]));
    if (unknown.length > 0) throw new ApiError(`${method}: ${unknown.join('; ')}`);
  }
}

/** A failed read says which call it failed. */
async function reading<T>(method: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(`${method}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** "20261105T080000Z": sorts by name, says the range, and no daylight-saving change makes it ambiguous. */
function stamp(time: number): string {
  return new Date(time).toISOString().replace(/[-:]|\.\d+/g, '');
}

/** The contract carries plain arrays (JSON on the WebSocket). A loop: Array.from on a typed array costs about 15 times more. */
export function plainNumbers(values: Float64Array): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i]!;
  return out;
}
