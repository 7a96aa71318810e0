import { describe, expect, it } from 'vitest';
import { demoNodeId, plantVariables } from './plant-catalogue.js';
import { createPlant, readPlant, stepPlant, type PlantState } from './plant-model.js';
import { writePlant } from './write-plant.js';

function run(state: PlantState, seconds: number, dt = 0.1): void {
  for (let t = 0; t < seconds - 1e-9; t += dt) {
    stepPlant(state, dt);
  }
}

function write(state: PlantState, name: string, value: number | boolean): void {
  expect(writePlant(state, name, value)).toBeUndefined();
}

function value(state: PlantState, name: string): number {
  const read = readPlant(state, name);
  if (typeof read !== 'number') {
    throw new Error(`${name} is not numeric`);
  }
  return read;
}

describe('demo plant catalogue', () => {
  it('has 40+ numeric variables with units and a range, and every name reads a value of its type', () => {
    const numeric = plantVariables.filter((v) => v.dataType !== 'Boolean');
    expect(numeric.length).toBeGreaterThanOrEqual(40);
    expect(numeric.every((v) => v.unit !== '' && v.euRange.low < v.euRange.high)).toBe(true);
    expect(new Set(plantVariables.map((v) => v.name)).size).toBe(plantVariables.length);
    const plant = createPlant();
    for (const v of plantVariables) {
      expect(typeof readPlant(plant, v.name), v.name).toBe(v.dataType === 'Boolean' ? 'boolean' : 'number');
    }
    expect(demoNodeId('Tank1.Level')).toBe('ns=1;s=Tank1.Level');
  });
});

describe('demo plant model', () => {
  it('is alive from the start: levels, temperature and supply change within a second', () => {
    const plant = createPlant();
    const names = ['Tank1.Level', 'Tank2.Level', 'TIC101.PV', 'Supply.Pressure', 'FV201.Position', 'Pump1.Speed'];
    const before = names.map((n) => value(plant, n));
    run(plant, 1, 0.01);
    names.forEach((n, i) => expect(value(plant, n), n).not.toBe(before[i]));
  });

  it('runs for an hour by itself without trips and within every normal range', () => {
    const plant = createPlant();
    for (let minute = 0; minute < 60; minute++) {
      run(plant, 60);
      for (const v of plantVariables.filter((v) => v.dataType === 'Double')) {
        const x = value(plant, v.name);
        expect(x, v.name).toBeGreaterThanOrEqual(v.euRange.low);
        expect(x, v.name).toBeLessThanOrEqual(v.euRange.high);
      }
      expect([plant.Pump1.Fault, plant.Pump2.Fault, plant.E101.OverTemp]).toEqual([false, false, false]);
    }
    expect(Math.abs(value(plant, 'Tank1.Level') - 50)).toBeLessThan(5);
    expect(Math.abs(value(plant, 'TIC101.PV') - 55)).toBeLessThan(2);
  });

  it('fills a tank while inflow exceeds outflow, and stops at full', () => {
    const plant = createPlant();
    write(plant, 'LIC101.Auto', false);
    write(plant, 'LIC101.OP', 80);
    write(plant, 'Pump1.Start', false);
    run(plant, 10);
    expect(value(plant, 'Tank1.Inflow')).toBeGreaterThan(value(plant, 'Tank1.Outflow'));
    const level = value(plant, 'Tank1.Level');
    run(plant, 30);
    expect(value(plant, 'Tank1.Level')).toBeGreaterThan(level);
    run(plant, 1200);
    expect(value(plant, 'Tank1.Level')).toBe(100);
    expect(readPlant(plant, 'Tank1.LevelHigh')).toBe(true);
  });

  it('drains a tank whose feed pump stopped, then trips the pump that runs dry', () => {
    const plant = createPlant();
    write(plant, 'Pump1.Start', false);
    const level = value(plant, 'Tank2.Level');
    run(plant, 30);
    expect(value(plant, 'Tank2.Level')).toBeLessThan(level);
    run(plant, 1200);
    expect(value(plant, 'Tank2.Level')).toBeGreaterThanOrEqual(0);
    expect(value(plant, 'Tank2.Level')).toBeLessThan(5);
    expect(plant.Pump2).toMatchObject({ Fault: true, Running: false, Start: false });
    expect(writePlant(plant, 'Pump2.Start', true)?.reason).toBe('wrongMode');
    write(plant, 'Pump2.Reset', true);
    expect(readPlant(plant, 'Pump2.Reset')).toBe(false);
    write(plant, 'Pump2.Start', true);
  });

  it('drives the temperature to a new setpoint in auto', () => {
    const plant = createPlant();
    write(plant, 'TIC101.SP', 65);
    run(plant, 5);
    expect(value(plant, 'TIC101.PV')).toBeGreaterThan(55.5);
    run(plant, 300);
    // The filling schedule keeps changing the flow through the heater: the loop holds within a degree.
    expect(Math.abs(value(plant, 'TIC101.PV') - 65)).toBeLessThan(1);
  });

  it('holds the written output in manual while the temperature drifts off its setpoint', () => {
    const plant = createPlant();
    write(plant, 'TIC101.Auto', false);
    write(plant, 'TIC101.OP', 20);
    run(plant, 300);
    expect(value(plant, 'TIC101.OP')).toBe(20);
    expect(value(plant, 'TIC101.PV')).toBeLessThan(45);
    write(plant, 'TIC101.Auto', true);
    run(plant, 400);
    expect(Math.abs(value(plant, 'TIC101.PV') - 55)).toBeLessThan(1);
  });

  it('moves a tank level to a new level setpoint', () => {
    const plant = createPlant();
    write(plant, 'LIC101.SP', 70);
    run(plant, 1200);
    expect(Math.abs(value(plant, 'Tank1.Level') - 70)).toBeLessThan(3);
  });

  it('refuses out-of-range, read-only, unknown, mistyped and wrong-mode writes and changes nothing', () => {
    const plant = createPlant();
    const before = JSON.stringify(plant);
    const outOfRange = writePlant(plant, 'TIC101.SP', 150);
    expect(outOfRange?.reason).toBe('outOfRange');
    expect(outOfRange?.message).toContain('TIC101.SP');
    expect(outOfRange?.message).toContain('20..90 degC');
    expect(writePlant(plant, 'Tank1.Level', 10)?.reason).toBe('readOnly');
    expect(writePlant(plant, 'Tank9.Level', 10)?.reason).toBe('unknown');
    expect(writePlant(plant, 'TIC101.Auto', 1)?.reason).toBe('wrongType');
    expect(writePlant(plant, 'TIC101.SP', Number.NaN)?.reason).toBe('wrongType');
    expect(writePlant(plant, 'TIC101.OP', 50)?.message).toContain('TIC101.Auto');
    expect(writePlant(plant, 'FV201.Command', 50)?.reason).toBe('wrongMode');
    expect(JSON.stringify(plant)).toBe(before);
  });

  it('counts filled containers in step with the product outflow, never backwards', () => {
    const plant = createPlant();
    let last = value(plant, 'Line.ProducedCount');
    let expected = 0;
    for (let second = 0; second < 600; second++) {
      expected += value(plant, 'Tank2.Outflow') / 3600 / 0.005;
      run(plant, 1);
      const count = value(plant, 'Line.ProducedCount');
      expect(count).toBeGreaterThanOrEqual(last);
      last = count;
    }
    expect(Number.isInteger(last)).toBe(true);
    expect(Math.abs(last - expected) / expected).toBeLessThan(0.02);
  });

  it('vibrates harder at higher pump speed and not at all when stopped', () => {
    const peakAt = (output: number): number => {
      const plant = createPlant();
      write(plant, 'LIC201.Auto', false);
      write(plant, 'LIC201.OP', output);
      run(plant, 5, 0.01);
      let peak = 0;
      for (let i = 0; i < 100; i++) {
        stepPlant(plant, 0.01);
        peak = Math.max(peak, Math.abs(value(plant, 'Pump1.Vibration')));
      }
      return peak;
    };
    expect(peakAt(100)).toBeGreaterThan(2 * peakAt(20));
    const plant = createPlant();
    write(plant, 'Pump1.Start', false);
    run(plant, 5, 0.01);
    expect(Math.abs(value(plant, 'Pump1.Vibration'))).toBeLessThan(0.01);
    expect(value(plant, 'Pump1.VibrationRms')).toBeLessThan(0.01);
  });

  it('repeats itself exactly for the same seed', () => {
    const a = createPlant(7);
    const b = createPlant(7);
    run(a, 20, 0.01);
    run(b, 20, 0.01);
    expect(a).toEqual(b);
  });
});
