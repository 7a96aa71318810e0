import { displaySchema, type Display } from '../../shared/api/display-api.js';
import { tagId } from '../api/tag-id.js';

/**
 * The demo plant drawn twice: the overview of transfer and heating, and the filling
 * line, linked both ways, with every kind of element and the setpoints an operator
 * changes. Parsed, so the example project shows every default.
 */
export function demoDisplays(server: string): Display[] {
  const tag = (name: string) => tagId(server, name);
  const value = (name: string, x: number, y: number, width: number, label: string) => ({ kind: 'value', x, y, tag: tag(name), width, label });
  const indicator = (name: string, x: number, y: number, label: string, onText: string, offText: string, abnormal: 'on' | 'off' | 'none') => ({
    kind: 'indicator', x, y, tag: tag(name), label, onText, offText, abnormal,
  });
  const level = (name: string, x: number, y: number, height: number) => ({ kind: 'bar', x, y, width: 40, height, tag: tag(name) });
  const vessel = (x: number, y: number, width: number, height: number, label: string) => ({ kind: 'rect', x, y, width, height, label });
  const pipe = (...points: [number, number][]) => ({ kind: 'line', points });
  const title = (text: string) => ({ kind: 'text', x: 20, y: 40, text, size: 20 });
  return displaySchema.array().parse([
    {
      name: 'Overview',
      title: 'Overview: transfer and heating',
      elements: [
        title('Tank1 → Pump1 → heater E101 → Tank2'),
        vessel(20, 90, 170, 150, 'Supply header'),
        value('Supply.Pressure', 30, 120, 150, 'Pressure'),
        value('Supply.Temperature', 30, 175, 150, 'Temperature'),
        pipe([190, 165], [300, 165]),
        value('FV101.Position', 200, 110, 95, 'FV101'),
        vessel(300, 90, 220, 320, 'Tank1 (feed)'),
        level('Tank1.Level', 320, 120, 270),
        value('Tank1.Level', 375, 120, 125, 'Level'),
        value('LIC101.SP', 375, 175, 125, 'Level SP'),
        indicator('LIC101.Auto', 375, 235, 'LIC101', 'AUTO', 'MAN', 'off'),
        value('Tank1.Temperature', 375, 265, 125, 'Temperature'),
        indicator('Tank1.LevelLow', 375, 330, 'Level low', 'LOW', 'OK', 'on'),
        pipe([520, 380], [580, 380]),
        vessel(580, 300, 170, 200, 'Pump1'),
        indicator('Pump1.Running', 590, 326, 'Run', 'RUNNING', 'STOPPED', 'none'),
        indicator('Pump1.Fault', 590, 352, 'Trip', 'TRIPPED', 'OK', 'on'),
        value('Pump1.Flow', 590, 380, 150, 'Flow'),
        value('Pump1.VibrationRms', 590, 435, 150, 'Vibration RMS'),
        pipe([750, 380], [800, 380], [800, 200], [830, 200]),
        vessel(830, 90, 170, 230, 'Heater E101'),
        value('TIC101.PV', 840, 120, 150, 'Outlet temperature'),
        value('TIC101.SP', 840, 175, 150, 'Temperature SP'),
        indicator('TIC101.Auto', 840, 240, 'TIC101', 'AUTO', 'MAN', 'off'),
        indicator('E101.OverTemp', 840, 270, 'Over-temp', 'CUT OFF', 'OK', 'on'),
        pipe([1000, 200], [1030, 200], [1030, 420]),
        vessel(960, 420, 220, 260, 'Tank2 (product)'),
        level('Tank2.Level', 980, 450, 210),
        value('Tank2.Level', 1035, 450, 130, 'Level'),
        value('LIC201.SP', 1035, 505, 130, 'Level SP'),
        indicator('Tank2.LevelLow', 1035, 570, 'Level low', 'LOW', 'OK', 'on'),
        { kind: 'text', x: 20, y: 610, text: 'A value framed in blue can be changed: click it (log in as an operator first).', size: 13 },
        { kind: 'link', x: 20, y: 640, display: 'Filling line' },
      ],
    },
    {
      name: 'Filling line',
      elements: [
        title('Tank2 → Pump2 → valve FV201 → filler'),
        vessel(20, 90, 220, 320, 'Tank2 (product)'),
        level('Tank2.Level', 40, 120, 270),
        value('Tank2.Level', 95, 120, 130, 'Level'),
        value('Tank2.Outflow', 95, 175, 130, 'Outflow'),
        indicator('Tank2.LevelLow', 95, 240, 'Level low', 'LOW', 'OK', 'on'),
        pipe([240, 380], [300, 380]),
        vessel(300, 280, 220, 240, 'Pump2'),
        indicator('Pump2.Running', 310, 306, 'Run', 'RUNNING', 'STOPPED', 'none'),
        indicator('Pump2.Fault', 310, 332, 'Trip', 'TRIPPED', 'OK', 'on'),
        value('Pump2.Start', 310, 360, 200, 'Run command'),
        value('Pump2.SpeedSP', 310, 412, 200, 'Speed SP'),
        value('Pump2.Speed', 310, 464, 200, 'Speed'),
        pipe([520, 380], [600, 380]),
        vessel(600, 280, 220, 240, 'Valve FV201'),
        value('FV201.Auto', 610, 310, 200, 'On schedule (ON) or manual'),
        value('FV201.Command', 610, 362, 200, 'Command'),
        value('FV201.Position', 610, 414, 200, 'Position'),
        pipe([820, 380], [880, 380]),
        vessel(880, 280, 220, 200, 'Filler'),
        value('Line.ProductionRate', 890, 310, 200, 'Rate'),
        value('Line.ProducedCount', 890, 362, 200, 'Produced'),
        { kind: 'link', x: 20, y: 640, display: 'Overview', label: 'Back to the overview', width: 230 },
      ],
    },
  ]);
}
