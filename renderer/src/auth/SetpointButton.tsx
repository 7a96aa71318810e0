import { memo, useState } from 'react';
import type { TagInfo } from '../../../shared/contract.js';
import { useMayWrite } from './use-may-write.js';
import { WriteDialog } from './WriteDialog.js';

/** The way to change a tag from the table or a legend (a display's value is itself the button). */
export const SetpointButton = memo(function SetpointButton({ tag }: { readonly tag: TagInfo }) {
  const mayWrite = useMayWrite(tag);
  const [open, setOpen] = useState(false);
  if (!mayWrite) return null;
  return (
    <>
      <button type="button" className="setpoint-button" data-testid="setpoint-button" title={`Change ${tag.name}`} onClick={() => setOpen(true)}>
        Set…
      </button>
      {open && <WriteDialog tag={tag} onClose={() => setOpen(false)} />}
    </>
  );
});
