import { useId, useState } from 'react';
import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';
import { isDrawable, penKind, penKindMessage } from '../trend/pen-kind.js';
import { addTrendPen } from '../trend/set-trend-pens.js';
import { useServices } from './services-context.js';
import { useAppState } from './use-app-state.js';

/** Adds a pen by typing its name: how a trend in a window of its own, without the tag table, gets pens. */
export function TrendPenPicker() {
  const { appStore } = useServices();
  const tags = useAppState((state) => state.tags);
  const listId = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  return (
    <form
      className="trend-pen-picker"
      aria-label="Add a pen"
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = text.trim().toLowerCase();
        const tag = tags.find((t) => t.id.toLowerCase() === wanted) ?? tags.find((t) => t.name.toLowerCase() === wanted);
        if (tag === undefined) return setError(`no tag is called “${text.trim()}”`);
        const kind = penKind(tag.dataType);
        if (!isDrawable(kind)) return setError(penKindMessage(kind, tag.dataType));
        if (!addTrendPen(appStore, tag.id)) return setError(`the trend already has ${TREND_MAX_PENS} pens`);
        setError('');
        setText('');
      }}
    >
      <input list={listId} data-testid="trend-pen-input" aria-label="Tag to add as a pen" placeholder="Add pen…" value={text} onChange={(event) => setText(event.target.value)} />
      <datalist id={listId}>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.unit === '' ? tag.name : `${tag.name} (${tag.unit})`}
          </option>
        ))}
      </datalist>
      <button type="submit" data-testid="trend-pen-add">
        Add
      </button>
      {error !== '' && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
