import { useEffect, useMemo, useState } from 'react';
import type { ServerCertificate } from '../../../shared/api/connection-api.js';
import { useAppState } from '../components/use-app-state.js';
import { errorMessage } from '../session/error-message.js';
import { awaitingDecision, formatThumbprint, formatValidity } from './certificate-text.js';
import { useConnectionApi } from './use-connection-api.js';
import { useMayEditServers } from './use-may-edit-servers.js';

/**
 * Asks the operator about a server certificate a connection was refused
 * for: who it claims to be, who signed it, how long it is valid, its
 * thumbprint to compare with the server's own screen. Trusting it lets the
 * connection through at once; nothing is trusted without this click.
 */
export function CertificatePrompt() {
  const api = useConnectionApi();
  const addNotice = useAppState((state) => state.addNotice);
  const connections = useAppState((state) => state.connections);
  const [certificates, setCertificates] = useState<readonly ServerCertificate[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const mayTrust = useMayEditServers();
  // A refusal shows up as a failed connection: look again whenever the failures change.
  const failures = connections
    .filter((c) => c.state === 'failed')
    .map((c) => `${c.id}:${c.lastError ?? ''}`)
    .join('\n');
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let current = true;
    api
      .listServerCertificates()
      .then((list) => current && setCertificates(list))
      .catch(() => undefined); // an older core without certificates: no prompt
    return () => {
      current = false;
    };
  }, [api, failures, reload]);

  const pending = useMemo(() => awaitingDecision(certificates, dismissed), [certificates, dismissed]);
  const certificate = pending[0];
  if (!certificate) return null;
  const servers = certificate.connectionIds.map((id) => connections.find((c) => c.id === id)?.name ?? id).join(', ');

  const decide = async (trust: boolean) => {
    if (!trust) {
      setDismissed((current) => new Set(current).add(certificate.thumbprint));
      return;
    }
    setBusy(true);
    try {
      await api.trustServerCertificate({ thumbprint: certificate.thumbprint });
      addNotice('info', `Trusted the certificate of ${servers}`);
    } catch (error) {
      addNotice('error', `Could not trust the certificate of ${servers}: ${errorMessage(error)}`);
    } finally {
      setBusy(false);
      setReload((n) => n + 1);
    }
  };

  return (
    <div className="modal-backdrop">
      <section className="certificate-prompt" role="alertdialog" aria-modal="true" aria-labelledby="certificate-prompt-title" data-testid="certificate-prompt" data-thumbprint={certificate.thumbprint}>
        <h2 id="certificate-prompt-title">Trust the certificate of {servers}?</h2>
        <p>Tidewatch refused to connect because it does not know this server certificate. Compare the thumbprint with the one the server shows before you trust it.</p>
        <dl className="certificate-fields">
          <dt>Subject</dt>
          <dd data-testid="certificate-subject">{certificate.subject}</dd>
          <dt>Issuer</dt>
          <dd>{certificate.subject === certificate.issuer ? `${certificate.issuer} (self-signed)` : certificate.issuer}</dd>
          <dt>Valid</dt>
          <dd>
            {formatValidity(certificate)}
            {certificate.problem !== null && <strong className="certificate-problem"> ✖ {certificate.problem}</strong>}
          </dd>
          <dt>Thumbprint (SHA-1)</dt>
          <dd className="thumbprint" data-testid="certificate-thumbprint">
            {formatThumbprint(certificate.thumbprint)}
          </dd>
          <dt>Application URI</dt>
          <dd>{certificate.applicationUri || '—'}</dd>
          <dt>Host names</dt>
          <dd>{certificate.hostNames.join(', ') || '—'}</dd>
        </dl>
        {!mayTrust && <p className="hint">Trusting a certificate changes the station: an engineer or administrator must log in to do it.</p>}
        <div className="dialog-buttons">
          <button type="button" data-testid="certificate-keep-rejected" disabled={busy} onClick={() => void decide(false)}>
            {mayTrust ? 'Keep rejected' : 'Close'}
          </button>
          {mayTrust && (
            <button type="button" data-testid="certificate-trust" disabled={busy} onClick={() => void decide(true)}>
              Trust and connect
            </button>
          )}
        </div>
      </section>
    </div>
  );
}
