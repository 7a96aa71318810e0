import { useState } from 'react';
import { AddressSpaceBrowser } from '../browser/AddressSpaceBrowser.js';
import { ExportHistoryDialog } from '../history/ExportHistoryDialog.js';
import { CertificatePrompt } from './CertificatePrompt.js';
import { ConnectionDialog } from './ConnectionDialog.js';
import { useMayBrowse, useMayEditServers } from './use-may-edit-servers.js';

/** The way into connections (add a server, browse one, the certificate prompt whenever a server needs trusting) and history export. */
export function ServerToolbar() {
  const [adding, setAdding] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const mayEdit = useMayEditServers();
  const mayBrowse = useMayBrowse();
  return (
    <nav className="server-toolbar" aria-label="Servers and history">
      {mayEdit && (
        <button type="button" data-testid="add-server-open" onClick={() => setAdding(true)}>
          Add server…
        </button>
      )}
      {mayBrowse && (
        <button type="button" data-testid="browse-toggle" aria-pressed={browsing} onClick={() => setBrowsing((open) => !open)}>
          Browse address space
        </button>
      )}
      <button type="button" data-testid="export-history-open" onClick={() => setExporting(true)}>
        Export history…
      </button>
      {adding && mayEdit && <ConnectionDialog onClose={() => setAdding(false)} />}
      {browsing && mayBrowse && <AddressSpaceBrowser onClose={() => setBrowsing(false)} />}
      {exporting && <ExportHistoryDialog onClose={() => setExporting(false)} />}
      <CertificatePrompt />
    </nav>
  );
}
