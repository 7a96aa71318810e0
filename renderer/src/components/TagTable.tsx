import { useDeferredValue, useMemo, useState } from 'react';
import { TREND_MAX_PENS } from '../../../shared/api/trend-api.js';
import { filterTags } from './filter-tags.js';
import { TagRow } from './TagRow.js';
import { useAppState } from './use-app-state.js';

export function TagTable() {
  const tags = useAppState((state) => state.tags);
  const pens = useAppState((state) => state.pens);
  const togglePen = useAppState((state) => state.togglePen);
  const [filter, setFilter] = useState('');
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterTags(tags, deferredFilter), [tags, deferredFilter]);
  const penIds = useMemo(() => new Set(pens), [pens]);
  const canAddPen = pens.length < TREND_MAX_PENS;

  return (
    <section className="tag-table" aria-label="Tags">
      <input
        type="search"
        className="tag-filter"
        data-testid="tag-filter"
        placeholder="Filter tags by name"
        aria-label="Filter tags by name"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className="tag-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Tag</th>
              <th scope="col" className="tag-value">
                Value
              </th>
              <th scope="col">Unit</th>
              <th scope="col">Quality</th>
              <th scope="col">Source time</th>
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
              <th scope="col">
                <span className="visually-hidden">Trend</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((tag) => (
              <TagRow key={tag.index} tag={tag} isPen={penIds.has(tag.id)} canAddPen={canAddPen} onTogglePen={togglePen} />
            ))}
          </tbody>
        </table>
        {visible.length === 0 && <p className="empty-hint">{tags.length === 0 ? 'No tags yet' : 'No tag matches the filter'}</p>}
      </div>
    </section>
  );
}
