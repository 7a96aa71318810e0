import { describe, expect, it } from 'vitest';
import { exportRequest, type ExportForm } from './export-request.js';

const form: ExportForm = { tagIds: ['demo/Tank1.Level'], from: '2026-06-01T06:00', to: '2026-06-01T07:00', mode: 'raw', intervalMs: 60_000 };

describe('exportRequest', () => {
  it('asks for raw samples over the local period', () => {
    expect(exportRequest(form)).toEqual({ tagIds: ['demo/Tank1.Level'], from: new Date(2026, 5, 1, 6, 0).getTime(), to: new Date(2026, 5, 1, 7, 0).getTime() });
  });

  it('asks for aggregated rows with the chosen interval', () => {
    expect(exportRequest({ ...form, mode: 'aggregated' })).toMatchObject({ intervalMs: 60_000 });
  });

  it('says what is missing', () => {
    expect(() => exportRequest({ ...form, tagIds: [] })).toThrow('choose at least one tag');
    expect(() => exportRequest({ ...form, from: '' })).toThrow('choose a start time');
    expect(() => exportRequest({ ...form, to: '' })).toThrow('choose an end time');
  });

  it('leaves an end before the start to main, which names it', () => {
    expect(() => exportRequest({ ...form, from: form.to, to: form.from })).not.toThrow();
  });
});
