import type { AlarmKpis } from '../../shared/api/alarm-api.js';
import { csvRow } from './csv.js';
import { iso } from './journal-csv.js';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** The report as sections of label/value rows: the same content for CSV and HTML. */
function sections(k: AlarmKpis): [title: string, header: string[], rows: (string | number)[][]][] {
  const t = k.targets;
  return [
    ['Period', ['from', 'to', 'alarms'], [[iso(k.from), iso(k.to), k.totalAlarms]]],
    [
      'Alarm rate per operator position',
      ['position', 'alarms', 'avg / 10 min', 'max / 10 min', 'avg / hour', 'max / hour', `10-min intervals over ${t.manageablePer10Min}`],
      k.positions.map((p) => [p.position, p.alarms, p.per10MinAverage.toFixed(2), p.per10MinMax, p.perHourAverage.toFixed(2), p.perHourMax, percent(p.over10MinTargetShare)]),
    ],
    [
      'Targets (ISA-18.2 / EEMUA 191)',
      ['figure', 'target'],
      [
        ['alarms per 10 min (acceptable / manageable)', `${t.acceptablePer10Min} / ${t.manageablePer10Min}`],
        ['alarms per hour (acceptable / manageable)', `${t.acceptablePerHour} / ${t.manageablePerHour}`],
        ['time in flood', `< ${percent(t.floodShareMax)}`],
        ['share of the top 10', `< ${percent(t.topShareMax)} each, as few as possible`],
        ['chattering and stale alarms', '0'],
      ],
    ],
    ['Floods (10+ alarms in 10 min)', ['start', 'end', 'alarms'], k.floods.map((f) => [iso(f.start), iso(f.end), f.alarms])],
    ['Time in flood', ['total', 'share of the period'], [[minutes(k.floodMs), percent(k.floodShare)]]],
    ['Top 10 most frequent', ['alarm', 'name', 'count', 'share'], [...k.top.map((c) => [c.alarmId, c.name, c.count, percent(c.share)]), ['', 'top 10 together', '', percent(k.topShare)]]],
    ['Chattering (3+ in 1 min)', ['alarm', 'name', 'count', 'max per minute'], k.chattering.map((c) => [c.alarmId, c.name, c.count, c.maxPerMinute])],
    ['Stale (active over 24 h)', ['alarm', 'name', 'active since'], k.stale.map((s) => [s.alarmId, s.name, iso(s.activeSince)])],
    [
      'Shelving and suppression',
      ['figure', 'count'],
      [['shelve actions', k.shelveCount], ['suppressions', k.suppressCount], ['shelved now', k.shelvedNow], ['suppressed now', k.suppressedNow]],
    ],
  ];
}

export function kpiCsv(kpis: AlarmKpis): string {
  const lines: string[] = [];
  for (const [title, header, rows] of sections(kpis)) lines.push(csvRow([title]), csvRow(header), ...rows.map((row) => csvRow(row)), '');
  return lines.join('\r\n');
}

/** A self-contained page: no script, no external style, safe to mail or print. */
export function kpiHtml(kpis: AlarmKpis): string {
  const body = sections(kpis)
    .map(([title, header, rows]) => {
      const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
      const cells = rows.length === 0
        ? `<tr><td colspan="${header.length}">none</td></tr>`
        : rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(String(c))}</td>`).join('')}</tr>`).join('\n');
      return `<h2>${escapeHtml(title)}</h2>\n<table><thead><tr>${head}</tr></thead><tbody>\n${cells}\n</tbody></table>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Alarm system performance ${escapeHtml(iso(kpis.from))} – ${escapeHtml(iso(kpis.to))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}th,td{border:1px solid #999;padding:3px 8px;text-align:left}</style>
</head><body><h1>Alarm system performance</h1>
${body}
</body></html>
`;
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
