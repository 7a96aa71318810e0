import { useEffect, useState } from 'react';
import type { NodeAttributes } from '../../../shared/api/connection-api.js';
import { describeQuality } from '../format/describe-quality.js';
import { formatTime } from '../format/format-time.js';
import { useConnectionApi } from '../connections/use-connection-api.js';
import { useMayEditServers } from '../connections/use-may-edit-servers.js';
import { errorMessage } from '../session/error-message.js';
import type { DropTarget } from './node-drag.js';

type Loaded = { readonly state: 'loading' } | { readonly state: 'loaded'; readonly attributes: NodeAttributes } | { readonly state: 'failed'; readonly error: string };

/** A node's attributes as the server reports them, and for a variable the buttons that make it a tag. */
export function AttributePanel({ connectionId, nodeId, onAdd }: { readonly connectionId: string; readonly nodeId: string; readonly onAdd: (target: DropTarget, name: string) => void }) {
  const api = useConnectionApi();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const mayAdd = useMayEditServers();

  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    api
      .readNodeAttributes({ connectionId, nodeId })
      .then((attributes) => current && setLoaded({ state: 'loaded', attributes }))
      .catch((error: unknown) => current && setLoaded({ state: 'failed', error: errorMessage(error) }));
    return () => {
      current = false;
    };
  }, [api, connectionId, nodeId]);

  if (loaded.state === 'loading') return <p className="attribute-panel hint">Reading {nodeId}…</p>;
  if (loaded.state === 'failed') return <p className="attribute-panel dialog-error" role="alert">✖ {loaded.error}</p>;
  const a = loaded.attributes;
  const quality = a.value ? describeQuality(a.value.status) : null;
  return (
    <section className="attribute-panel" data-testid="attribute-panel" aria-label={`Attributes of ${a.displayName}`}>
      <dl>
        <dt>Node</dt>
        <dd className="node-id">{a.nodeId}</dd>
        <dt>NodeClass</dt>
        <dd data-testid="attribute-node-class">{a.nodeClass}</dd>
        <dt>Browse name</dt>
        <dd>{a.browseName}</dd>
        {a.description !== '' && (
          <>
            <dt>Description</dt>
            <dd>{a.description}</dd>
          </>
        )}
        <dt>DataType</dt>
        <dd data-testid="attribute-data-type">{a.dataType || '—'}</dd>
        {a.value && quality && (
          <>
            <dt>Value</dt>
            <dd data-testid="attribute-value" data-quality={quality.quality} title={quality.title}>
              {a.value.text}{' '}
              <span className="quality-detail">
                {quality.marker} {quality.label}
                {quality.detail && ` ${quality.detail}`}
                {a.value.sourceTime !== null && ` · ${formatTime(a.value.sourceTime)}`}
              </span>
            </dd>
          </>
        )}
        <dt>EngineeringUnits</dt>
        <dd data-testid="attribute-unit">{a.engineeringUnits || '—'}</dd>
        <dt>EURange</dt>
        <dd>{a.euRange ? `${a.euRange.low} … ${a.euRange.high}` : '—'}</dd>
        <dt>AccessLevel</dt>
        <dd>{a.accessLevel.join(', ') || '—'}</dd>
      </dl>
      {a.nodeClass === 'Variable' && mayAdd && (
        <div className="dialog-buttons">
          <button type="button" data-testid="add-to-table" onClick={() => onAdd('table', a.displayName)}>
            Add to table
          </button>
          <button type="button" data-testid="add-to-trend" onClick={() => onAdd('trend', a.displayName)}>
            Add to trend
          </button>
        </div>
      )}
    </section>
  );
}
