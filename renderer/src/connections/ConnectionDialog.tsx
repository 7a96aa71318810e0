import { useMemo, useState, type FormEvent } from 'react';
import type { DiscoveredServer } from '../../../shared/api/connection-api.js';
import { useAppState } from '../components/use-app-state.js';
import { errorMessage } from '../session/error-message.js';
import { endpointOptions, refusedEndpoints, tokenLabel } from './endpoint-options.js';
import { EMPTY_FORM, toAddServerRequest, type LoginKind, type ServerForm } from './server-form.js';
import { useConnectionApi } from './use-connection-api.js';

type Discovery = { readonly state: 'idle' } | { readonly state: 'asking' } | { readonly state: 'found'; readonly server: DiscoveredServer } | { readonly state: 'failed'; readonly error: string };

/**
 * Adding a server: its URL, then the endpoints it offers (GetEndpoints) to
 * pick from, then the login that endpoint takes. A server that cannot be
 * asked says why here, before anything is added.
 */
export function ConnectionDialog({ onClose }: { readonly onClose: () => void }) {
  const api = useConnectionApi();
  const connections = useAppState((state) => state.connections);
  const [form, setForm] = useState<ServerForm>(EMPTY_FORM);
  const [discovery, setDiscovery] = useState<Discovery>({ state: 'idle' });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const options = useMemo(() => (discovery.state === 'found' ? endpointOptions(discovery.server) : []), [discovery]);
  const chosen = options.find((o) => o.securityMode === form.securityMode && o.securityPolicy === form.securityPolicy);
  const logins = (chosen?.userTokens ?? []).filter((t): t is LoginKind => t !== 'issuedToken');
  const update = (change: Partial<ServerForm>) => setForm((current) => ({ ...current, ...change }));

  const findEndpoints = async () => {
    setDiscovery({ state: 'asking' });
    update({ securityMode: null, securityPolicy: null });
    try {
      const server = await api.getEndpoints({ endpointUrl: form.endpointUrl.trim() });
      setDiscovery({ state: 'found', server });
      if (form.name.trim() === '' && server.applicationName) update({ name: server.applicationName });
    } catch (error) {
      setDiscovery({ state: 'failed', error: errorMessage(error) });
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = toAddServerRequest(form, new Set(connections.map((c) => c.id)));
    if (!result.ok) return setProblems(result.problems);
    setProblems({});
    setSaving(true);
    setSaveError(null);
    try {
      await api.addServer(result.request);
      onClose();
    } catch (error) {
      setSaveError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <form className="connection-dialog" role="dialog" aria-modal="true" aria-labelledby="connection-dialog-title" data-testid="connection-dialog" onSubmit={(e) => void submit(e)}>
        <h2 id="connection-dialog-title">Add an OPC UA server</h2>
        <label>
          Endpoint URL
          <span className="field-row">
            <input data-testid="endpoint-url" value={form.endpointUrl} onChange={(e) => update({ endpointUrl: e.target.value })} spellCheck={false} autoFocus />
            <button type="button" data-testid="find-endpoints" disabled={discovery.state === 'asking'} onClick={() => void findEndpoints()}>
              {discovery.state === 'asking' ? 'Asking…' : 'Find endpoints'}
            </button>
          </span>
          <FieldProblem text={problems.endpointUrl} />
        </label>
        {discovery.state === 'failed' && (
          <p className="dialog-error" role="alert" data-testid="endpoints-error">
            ✖ {discovery.error}
          </p>
        )}
        {discovery.state === 'found' && (
          <fieldset className="endpoint-list">
            <legend>Endpoints of {discovery.server.applicationName || discovery.server.applicationUri}</legend>
            {options.map((option) => (
              <label key={option.key} className="endpoint-option">
                <input
                  type="radio"
                  name="endpoint"
                  data-testid="endpoint-option"
                  data-endpoint={option.key}
                  checked={option === chosen}
                  onChange={() => update({ securityMode: option.securityMode, securityPolicy: option.securityPolicy, login: option.userTokens.includes(form.login) ? form.login : (option.userTokens.find((t): t is LoginKind => t !== 'issuedToken') ?? 'anonymous') })}
                />
                {option.label}
              </label>
            ))}
            {refusedEndpoints(discovery.server).length > 0 && <p className="hint">Not used (deprecated security): {refusedEndpoints(discovery.server).join(', ')}</p>}
            <FieldProblem text={problems.endpoint} />
          </fieldset>
        )}
        {chosen && (
          <>
            <label>
              Login
              <select data-testid="login-kind" value={form.login} onChange={(e) => update({ login: e.target.value as LoginKind })}>
                {logins.map((kind) => (
                  <option key={kind} value={kind}>
                    {tokenLabel(kind)}
                  </option>
                ))}
              </select>
            </label>
            {form.login === 'userName' && (
              <>
                <label>
                  User name
                  <input data-testid="user-name" value={form.userName} autoComplete="username" onChange={(e) => update({ userName: e.target.value })} />
                  <FieldProblem text={problems.userName} />
                </label>
                <label>
                  Password
                  <input data-testid="password" type="password" value={form.password} autoComplete="current-password" onChange={(e) => update({ password: e.target.value })} />
                  <FieldProblem text={problems.password} />
                </label>
              </>
            )}
            {form.login === 'certificate' && (
              <>
                <label>
                  User certificate file (PEM or DER)
                  <input data-testid="user-certificate" value={form.certificateFile} onChange={(e) => update({ certificateFile: e.target.value })} spellCheck={false} />
                  <FieldProblem text={problems.certificateFile} />
                </label>
                <label>
                  Its private key file (PEM)
                  <input data-testid="user-key" value={form.privateKeyFile} onChange={(e) => update({ privateKeyFile: e.target.value })} spellCheck={false} />
                  <FieldProblem text={problems.privateKeyFile} />
                </label>
              </>
            )}
            <label>
              Name
              <input data-testid="server-name" value={form.name} onChange={(e) => update({ name: e.target.value })} />
              <FieldProblem text={problems.name} />
            </label>
          </>
        )}
        {saveError !== null && (
          <p className="dialog-error" role="alert">
            ✖ {saveError}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" data-testid="add-server" disabled={!chosen || saving}>
            {saving ? 'Adding…' : 'Add server'}
          </button>
        </div>
      </form>
    </div>
  );
}

function FieldProblem({ text }: { readonly text: string | undefined }) {
  return text === undefined ? null : <span className="field-problem">✖ {text}</span>;
}
