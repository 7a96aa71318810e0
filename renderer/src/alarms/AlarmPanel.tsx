import { useEffect } from 'react';
import { useAlarms, useAlarmState } from './alarm-context.js';
import type { AlarmPanel as Panel } from './alarm-store.js';
import { AlarmJournalView } from './AlarmJournalView.js';
import { AlarmKpiView } from './AlarmKpiView.js';
import { AlarmSummary } from './AlarmSummary.js';

const TABS: [Exclude<Panel, 'closed'>, string][] = [
  ['summary', 'Summary'],
  ['journal', 'Journal'],
  ['kpi', 'Performance'],
];

/**
 * The alarm views over the workspace, one click from the banner; Escape closes them.
 * `pinned`: the alarm window of a second monitor, where they are all there is and never close.
 */
export function AlarmPanel({ pinned = false }: { readonly pinned?: boolean }) {
  const { store } = useAlarms();
  const chosen = useAlarmState((state) => state.panel);
  const note = useAlarmState((state) => state.note);
  const panel = pinned && chosen === 'closed' ? 'summary' : chosen;
  useEffect(() => {
    if (panel === 'closed' || pinned) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && store.getState().openPanel('closed');
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panel, pinned, store]);
  if (panel === 'closed') return null;
  return (
    <section className="alarm-panel" aria-label="Alarms" data-testid="alarm-panel" data-pinned={pinned}>
      <header className="alarm-panel-header">
        <nav role="tablist" aria-label="Alarm views">
          {TABS.map(([id, label]) => (
            <button key={id} type="button" role="tab" aria-selected={panel === id} data-testid={`alarm-tab-${id}`} onClick={() => store.getState().openPanel(id)}>
              {label}
            </button>
          ))}
        </nav>
        {note !== null && (
          <span className="alarm-note" data-testid="alarm-note" data-level={note.level} role={note.level === 'error' ? 'alert' : 'status'}>
            {note.text}
          </span>
        )}
        {!pinned && (
          <button type="button" className="alarm-panel-close" aria-label="Close the alarm views" onClick={() => store.getState().openPanel('closed')}>
            ×
          </button>
        )}
      </header>
      {panel === 'summary' && <AlarmSummary />}
      {panel === 'journal' && <AlarmJournalView />}
      {panel === 'kpi' && <AlarmKpiView />}
    </section>
  );
}
