import { memo, useState } from 'react';
import type { TagInfo } from '../../../shared/contract.js';
import { useMayEditServers } from '../connections/use-may-edit-servers.js';
import { errorMessage } from '../session/error-message.js';
import { useServices } from './services-context.js';

/**
 * Takes a tag out of the project, in two clicks: an engineer's change to the station
 * (main checks the permission, saves the file and audits it). When an alarm, display
 * or command still names the tag, main refuses with their paths and nothing changes.
 */
export const RemoveTagButton = memo(function RemoveTagButton({ tag }: { readonly tag: TagInfo }) {
  const mayEdit = useMayEditServers();
  const { bridge, appStore } = useServices();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!mayEdit) return null;
  if (!asking) {
    return (
      <button type="button" className="tag-remove" data-testid="tag-remove" title={`Remove ${tag.id} from the project`} onClick={() => setAsking(true)}>
        ✕
      </button>
    );
  }
  const remove = async () => {
    setBusy(true);
    try {
      await bridge.removeTags({ tagIds: [tag.id] });
      appStore.getState().addNotice('info', `Removed ${tag.id} from the project`);
    } catch (error) {
      appStore.getState().addNotice('error', `Could not remove ${tag.id}: ${errorMessage(error)}`);
      setAsking(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="tag-remove-confirm" role="group" aria-label={`Remove ${tag.id}?`}>
      <button type="button" data-testid="tag-remove-confirm" disabled={busy} onClick={() => void remove()}>
        Remove
      </button>
      <button type="button" data-testid="tag-remove-cancel" disabled={busy} onClick={() => setAsking(false)}>
        Keep
      </button>
    </span>
  );
});
