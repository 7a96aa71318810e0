import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditPage, AuditQuery, AuditVerifyResult } from '../../../shared/api/audit-api.js';
import { useAuthServices } from '../auth/auth-context.js';
import { Dialog } from '../auth/Dialog.js';
import { formatSetpoint } from '../auth/format-setpoint.js';
import { useAsyncAction } from '../auth/use-async-action.js';
import { auditCsv } from './audit-csv.js';

const PAGE = 500;
const EXPORT_LIMIT = 10_000;

/** The trail, newest first: search by text and time, export what was found as CSV, check the chain. */
export function AuditPanel({ onClose }: { readonly onClose: () => void }) {
  const { client } = useAuthServices();
  const [text, setText] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState<AuditPage | null>(null);
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null);
  const query = useCallback((limit: number): AuditQuery => ({ limit, ...(text ? { text } : {}), ...(from ? { from: new Date(from).getTime() } : {}), ...(to ? { to: new Date(to).getTime() } : {}) }), [text, from, to]);
  const search = useAsyncAction(async () => setPage(await client.queryAudit(query(PAGE))));
  const exportCsv = useAsyncAction(async () => download(auditCsv((await client.queryAudit(query(EXPORT_LIMIT))).records)));
  const verify = useAsyncAction(async () => setVerified(await client.verifyAudit()));
  // The newest records on opening; later searches are the user's.
  const [initialSearch] = useState(() => search.run);
  useEffect(() => void initialSearch(), [initialSearch]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search.run();
  };
  const error = search.error ?? exportCsv.error ?? verify.error;
  return (
    <Dialog title="Audit trail" testId="audit-panel" onClose={onClose} wide>
      <form className="audit-search" onSubmit={submit}>
        <input type="search" data-testid="audit-text" placeholder="Search user, tag, action, value…" aria-label="Search the audit trail" value={text} onChange={(event) => setText(event.target.value)} maxLength={200} />
        <label>
          From <input type="datetime-local" step="1" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          To <input type="datetime-local" step="1" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit" data-testid="audit-search" disabled={search.busy}>
          Search
        </button>
        <button type="button" data-testid="audit-export" disabled={exportCsv.busy} onClick={() => void exportCsv.run()}>
          Export CSV
        </button>
        <button type="button" data-testid="audit-verify" disabled={verify.busy} onClick={() => void verify.run()}>
          Verify chain
        </button>
      </form>
      {verified !== null && (
        <p className={verified.ok ? 'dialog-text' : 'dialog-error'} role={verified.ok ? 'status' : 'alert'} data-testid="audit-verify-result">
          {verified.ok ? `Chain intact: ${verified.records} records verified.` : `Chain BROKEN (${verified.problem.kind}): ${verified.problem.message}`}
        </p>
      )}
      {error !== null && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="audit-scroll">
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              {['#', 'Time', 'User', 'Station', 'Action', 'Target', 'Old', 'New', 'Result', 'Detail'].map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page?.records.map((record) => (
              <tr key={record.seq} data-testid="audit-row" data-action={record.action} data-target={record.target}>
                <td>{record.seq}</td>
                <td className="audit-time">{new Date(record.time).toLocaleString()}</td>
                <td>{record.user || '—'}</td>
                <td>{record.station}</td>
                <td>{record.action}</td>
                <td>{record.target}</td>
                <td>{formatAuditValue(record.oldValue)}</td>
                <td>{formatAuditValue(record.newValue)}</td>
                <td className={record.result.startsWith('refused') || record.result.startsWith('Bad') ? 'audit-refused' : undefined}>{record.result}</td>
                <td>{record.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {page !== null && <p className="empty-hint">{page.records.length === 0 ? 'Nothing matches.' : page.truncated ? `Showing the newest ${page.records.length}; narrow the search to see older ones.` : `${page.records.length} records.`}</p>}
      </div>
      <div className="dialog-buttons">
        <button type="button" data-testid="audit-close" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function formatAuditValue(value: string | number | boolean | null): string {
  return typeof value === 'string' ? value : formatSetpoint(value);
}

function download(csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `tidewatch-audit-${new Date().toISOString().replaceAll(':', '-').slice(0, 19)}.csv`;
  link.click();
  // Revoked later: revoking at once can cancel the download before it starts.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
