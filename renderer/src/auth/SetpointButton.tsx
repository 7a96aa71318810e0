import { memo, useState } from 'react';
import { can } from '../../../shared/api/auth-permissions.js';
import type { TagInfo } from '../../../shared/contract.js';
import { useAuth } from './auth-context.js';
import { WriteDialog } from './WriteDialog.js';

/**
 * The way to change a tag from the table, a legend or a display: shown only
 * when the server lets it be written and the logged-in user may write it
 * (main checks again; hiding is a courtesy, not the protection).
 */
export const SetpointButton = memo(function SetpointButton({ tag }: { readonly tag: TagInfo }) {
  const allowed = useAuth((state) => state.auth !== null && !state.auth.locked && can(state.auth.user, 'write', tag.id));
  const [open, setOpen] = useState(false);
  if (!tag.writable || !allowed) return null;
  return (
    <>
      <button type="button" className="setpoint-button" data-testid="setpoint-button" title={`Change ${tag.name}`} onClick={() => setOpen(true)}>
        Set…
      </button>
      {open && <WriteDialog tag={tag} onClose={() => setOpen(false)} />}
    </>
  );
});
