import { useCallback, useState, type FormEvent } from 'react';
import { Dialog } from '../auth/Dialog.js';
import { useAsyncAction } from '../auth/use-async-action.js';
import { toLocalInput } from '../alarms/period-input.js';
import { useServices } from '../components/services-context.js';
import { useAppState } from '../components/use-app-state.js';
import { downloadBlob } from '../trend/download-blob.js';
import { EXPORT_INTERVALS, exportRequest, type ExportMode } from './export-request.js';
import './history.css';

const HOUR = 3_600_000;

/** History of chosen tags over a period as a CSV file: every sample, or a row per interval. Anyone may export. */
export function ExportHistoryDialog({ onClose }: { readonly onClose: () => void }) {
  const { bridge } = useServices();
  const tags = useAppState((state) => state.tags);
  const pens = useAppState((state) => state.pens);
  // The trend's pens are what someone looking at it most likely wants.
  const [tagIds, setTagIds] = useState<readonly string[]>(pens);
  const [from, setFrom] = useState(() => toLocalInput(Date.now() - HOUR));
  const [to, setTo] = useState(() => toLocalInput(Date.now() + 60_000));
  const [mode, setMode] = useState<ExportMode>('raw');
  const [intervalMs, setIntervalMs] = useState(60_000);
  const exportCsv = useAsyncAction(
    useCallback(async () => {
      const file = await bridge.exportHistory(exportRequest({ tagIds, from, to, mode, intervalMs }));
      downloadBlob(document, new Blob([file.content], { type: file.mimeType }), file.filename);
    }, [bridge, tagIds, from, to, mode, intervalMs]),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await exportCsv.run()) onClose();
  };
  return (
    <Dialog title="Export history" testId="export-history" onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <label>
          Tags (Ctrl+click to choose several)
          <select multiple size={10} data-testid="export-history-tags" value={[...tagIds]} onChange={(event) => setTagIds(Array.from(event.target.selectedOptions, (option) => option.value))}>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="datetime-local" data-testid="export-history-from" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To <input type="datetime-local" data-testid="export-history-to" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <fieldset className="export-history-mode">
          <legend>Rows</legend>
          <label>
            <input type="radio" name="export-mode" data-testid="export-history-raw" checked={mode === 'raw'} onChange={() => setMode('raw')} /> Every stored sample
          </label>
          <label>
            <input type="radio" name="export-mode" data-testid="export-history-aggregated" checked={mode === 'aggregated'} onChange={() => setMode('aggregated')} /> One row per
            <select aria-label="Interval" data-testid="export-history-interval" value={intervalMs} onChange={(event) => setIntervalMs(Number(event.target.value))} disabled={mode !== 'aggregated'}>
              {EXPORT_INTERVALS.map(([label, ms]) => (
                <option key={ms} value={ms}>
                  {label}
                </option>
              ))}
            </select>
            (average, min, max, first, last, counts)
          </label>
        </fieldset>
        {exportCsv.error !== null && (
          <p className="dialog-error" role="alert" data-testid="export-history-error">
            {exportCsv.error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" data-testid="export-history-submit" disabled={exportCsv.busy}>
            {exportCsv.busy ? 'Exporting…' : 'Export CSV'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
