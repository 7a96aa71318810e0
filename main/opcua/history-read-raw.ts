import { HistoryData, HistoryReadRequest, ReadRawModifiedDetails, resolveNodeId, TimestampsToReturn, type ClientSession, type HistoryReadResult } from 'node-opcua';
import { dataValueToSample, type SampleSlot } from './data-value-to-sample.js';

export interface RawHistoryRange {
  /** ms since epoch, inclusive. */
  readonly from: number;
  /** ms since epoch, exclusive. */
  readonly to: number;
  /** Read no more than this; beyond it the answer says `truncated` and the server's continuation point is released. */
  readonly maxValues: number;
}

/** One page of samples in time order, as columns (the same conversion as live samples). */
export interface RawHistoryPage {
  readonly time: Float64Array;
  readonly value: Float64Array;
  readonly status: Float64Array;
}

export type RawHistoryResult =
  | { readonly ok: true; readonly values: number; readonly pages: number; readonly truncated: boolean }
  | { readonly ok: false; readonly reason: string };

/** Values asked per HistoryRead call: each page is decoded in one go on the main thread, so a page stays small. */
export const VALUES_PER_PAGE = 1000;
/** A server may answer "more later" with no values while it works; this many in a row and the read gives up. */
const MAX_EMPTY_PAGES = 20;

/**
 * The raw history of one node over [from, to), page by page: HistoryRead with
 * ReadRawModifiedDetails, following the server's continuation points. Each page
 * goes to `onPage` as it arrives, so a long read never builds one giant array.
 * A refusal (BadHistoryOperationUnsupported, BadNodeIdUnknown, a lost
 * connection) is an answer, never a throw: the caller's other nodes go on.
 */
export async function historyReadRaw(
  session: ClientSession,
  nodeId: string,
  range: RawHistoryRange,
  onPage: (page: RawHistoryPage) => void,
  valuesPerPage = VALUES_PER_PAGE,
): Promise<RawHistoryResult> {
  let continuationPoint: Buffer | null = null;
  let values = 0;
  let pages = 0;
  let empty = 0;
  const slot: SampleSlot = { time: 0, value: 0, status: 0 };
  try {
    for (;;) {
      // Never 0: numValuesPerNode 0 asks for everything at once.
      const wanted = Math.max(1, Math.min(valuesPerPage, range.maxValues - values));
      const result = await readPage(session, nodeId, range, wanted, continuationPoint);
      continuationPoint = result.continuationPoint && result.continuationPoint.length > 0 ? result.continuationPoint : null;
      if (!result.statusCode.isGoodish()) {
        continuationPoint = null; // a failed operation holds no continuation point
        return { ok: false, reason: `HistoryRead refused: ${result.statusCode.name}` };
      }
      const dataValues = result.historyData instanceof HistoryData ? (result.historyData.dataValues ?? []) : [];
      pages++;
      const page = { time: new Float64Array(dataValues.length), value: new Float64Array(dataValues.length), status: new Float64Array(dataValues.length) };
      let n = 0;
      for (const dataValue of dataValues) {
        const sample = dataValueToSample(dataValue, () => Number.NaN, slot);
        // Servers differ on whether endTime is included: the range is [from, to) whatever they do.
        if (!(sample.time >= range.from && sample.time < range.to)) continue;
        page.time[n] = sample.time;
        page.value[n] = sample.value;
        page.status[n] = sample.status;
        n++;
      }
      values += n;
      if (n > 0) onPage(n === dataValues.length ? page : { time: page.time.subarray(0, n), value: page.value.subarray(0, n), status: page.status.subarray(0, n) });
      empty = dataValues.length === 0 ? empty + 1 : 0;
      if (continuationPoint === null) return { ok: true, values, pages, truncated: false };
      if (values >= range.maxValues || empty >= MAX_EMPTY_PAGES) return { ok: true, values, pages, truncated: true };
    }
  } catch (error) {
    return { ok: false, reason: `HistoryRead failed: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    // Stopped early: the server would otherwise keep the rest of the answer for this session.
    if (continuationPoint !== null) await release(session, nodeId, range, continuationPoint);
  }
}

function readPage(session: ClientSession, nodeId: string, range: RawHistoryRange, values: number, continuationPoint: Buffer | null): Promise<HistoryReadResult> {
  return historyRead(session, nodeId, range, values, continuationPoint, false).then((results) => {
    const result = results?.[0];
    if (!result) throw new Error('the server answered no result for the node');
    return result;
  });
}

async function release(session: ClientSession, nodeId: string, range: RawHistoryRange, continuationPoint: Buffer): Promise<void> {
  await historyRead(session, nodeId, range, 0, continuationPoint, true).catch(() => undefined);
}

async function historyRead(session: ClientSession, nodeId: string, range: RawHistoryRange, values: number, continuationPoint: Buffer | null, releaseContinuationPoints: boolean) {
  const response = await session.historyRead(
    new HistoryReadRequest({
      historyReadDetails: new ReadRawModifiedDetails({
        isReadModified: false,
        startTime: new Date(range.from),
        endTime: new Date(range.to),
        numValuesPerNode: values,
        returnBounds: false,
      }),
      nodesToRead: [{ nodeId: resolveNodeId(nodeId), continuationPoint: continuationPoint ?? undefined }],
      releaseContinuationPoints,
      timestampsToReturn: TimestampsToReturn.Both,
    }),
  );
  return response.results;
}
