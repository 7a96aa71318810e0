import { useState } from 'react';
import type { AlarmKpis } from '../../../shared/api/alarm-api.js';
import { errorMessage } from '../session/error-message.js';
import { downloadBlob } from '../trend/download-blob.js';
import { useAlarms } from './alarm-context.js';

const PERIODS: [number, string][] = [
  [3_600_000, 'Last hour'],
  [8 * 3_600_000, 'Last 8 hours (a shift)'],
  [24 * 3_600_000, 'Last 24 hours'],
  [7 * 24 * 3_600_000, 'Last 7 days'],
];

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** The alarm system's health against ISA-18.2 / EEMUA 191 targets, and the report to hand on. */
export function AlarmKpiView() {
  const { client, store } = useAlarms();
  const [span, setSpan] = useState(PERIODS[2]![0]);
  const [kpis, setKpis] = useState<AlarmKpis | null>(null);
  const period = () => {
    const to = Date.now();
    return { from: to - span, to };
  };
  const load = async () => {
    try {
      setKpis(await client.alarmKpis(period()));
    } catch (error) {
      store.getState().setNote({ level: 'error', text: `Alarm performance: ${errorMessage(error)}` });
    }
  };
  const report = async (format: 'csv' | 'html') => {
    try {
      const file = await client.alarmKpiReport({ ...period(), format });
      downloadBlob(document, new Blob([file.content], { type: file.mimeType }), file.filename);
    } catch (error) {
      store.getState().setNote({ level: 'error', text: `Report: ${errorMessage(error)}` });
    }
  };
  const t = kpis?.targets;
  return (
    <div className="alarm-kpis" data-testid="alarm-kpis">
      <div className="alarm-period">
        <select aria-label="Period" value={span} onChange={(event) => setSpan(Number(event.target.value))}>
          {PERIODS.map(([ms, label]) => (
            <option key={ms} value={ms}>
              {label}
            </option>
          ))}
        </select>
        <button type="button" data-testid="alarm-kpis-load" onClick={() => void load()}>
          Compute
        </button>
        <button type="button" onClick={() => void report('csv')}>
          Report CSV
        </button>
        <button type="button" onClick={() => void report('html')}>
          Report HTML
        </button>
      </div>
      {kpis === null || t === undefined ? (
        <p className="empty-hint">Choose a period and compute</p>
      ) : (
        <div className="alarm-kpi-tables">
          <table className="alarm-table">
            <caption>Alarm rate per operator position (targets: about {t.acceptablePer10Min} per 10 min acceptable, {t.manageablePer10Min} manageable; {t.floodPer10Min}+ is a flood)</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Alarms</th>
                <th scope="col">Avg / 10 min</th>
                <th scope="col">Max / 10 min</th>
                <th scope="col">Avg / hour</th>
                <th scope="col">Max / hour</th>
                <th scope="col">10-min intervals over target</th>
              </tr>
            </thead>
            <tbody>
              {kpis.positions.map((p) => (
                <tr key={p.position} data-testid="alarm-kpi-position" data-over={p.per10MinAverage > t.manageablePer10Min}>
                  <th scope="row">{p.position}</th>
                  <td>{p.alarms}</td>
                  <td>{p.per10MinAverage.toFixed(2)}</td>
                  <td>{p.per10MinMax}</td>
                  <td>{p.perHourAverage.toFixed(2)}</td>
                  <td>{p.perHourMax}</td>
                  <td>{percent(p.over10MinTargetShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="alarm-kpi-figures">
            <dt>Time in flood</dt>
            <dd data-over={kpis.floodShare > t.floodShareMax}>
              {(kpis.floodMs / 60_000).toFixed(1)} min ({percent(kpis.floodShare)}; target under {percent(t.floodShareMax)}), {kpis.floods.length} flood(s)
            </dd>
            <dt>Top 10 share</dt>
            <dd>{percent(kpis.topShare)} of {kpis.totalAlarms} alarms</dd>
            <dt>Chattering (3+ in 1 min)</dt>
            <dd data-over={kpis.chattering.length > 0}>{kpis.chattering.length === 0 ? 'none' : kpis.chattering.map((c) => `${c.name} (${c.maxPerMinute}/min)`).join(', ')}</dd>
            <dt>Stale (active over 24 h)</dt>
            <dd data-over={kpis.stale.length > 0}>{kpis.stale.length === 0 ? 'none' : kpis.stale.map((s) => s.name).join(', ')}</dd>
            <dt>Shelved / suppressed</dt>
            <dd>
              {kpis.shelvedNow} shelved and {kpis.suppressedNow} suppressed now; {kpis.shelveCount} shelve actions and {kpis.suppressCount} suppressions in the period
            </dd>
          </dl>
          <table className="alarm-table">
            <caption>Most frequent alarms</caption>
            <thead>
              <tr>
                <th scope="col">Alarm</th>
                <th scope="col">Count</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {kpis.top.map((c) => (
                <tr key={c.alarmId}>
                  <th scope="row">{c.name}</th>
                  <td>{c.count}</td>
                  <td>{percent(c.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
