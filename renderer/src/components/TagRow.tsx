import { memo } from 'react';
import type { TagInfo } from '../../../shared/contract.js';
import { SetpointButton } from '../auth/SetpointButton.js';
import { RemoveTagButton } from './RemoveTagButton.js';
import { TagLiveCells } from './TagLiveCells.js';

export interface TagRowProps {
  readonly tag: TagInfo;
  readonly isPen: boolean;
  readonly canAddPen: boolean;
  readonly onTogglePen: (tagId: string) => void;
}

/** Memoised: the table re-renders rows only when tags, pens or the filter change, never per sample. */
export const TagRow = memo(function TagRow({ tag, isPen, canAddPen, onTogglePen }: TagRowProps) {
  return (
    <tr data-testid="tag-row" data-tag-id={tag.id}>
      <th scope="row" className="tag-name" title={tag.description || tag.nodeId}>
        {tag.displayName}
      </th>
      <TagLiveCells tag={tag} />
      <td className="tag-setpoint">
        <SetpointButton tag={tag} />
      </td>
      <td className="tag-pen">
        <button
          type="button"
          className="pen-toggle"
          data-testid="pen-toggle"
          aria-pressed={isPen}
          disabled={!isPen && !canAddPen}
          title={isPen ? 'Remove from trend' : canAddPen ? 'Add to trend' : 'The trend has all the pens it can show'}
          onClick={() => onTogglePen(tag.id)}
        >
          {isPen ? 'Trended' : 'Trend'}
        </button>
        <RemoveTagButton tag={tag} />
      </td>
    </tr>
  );
});
