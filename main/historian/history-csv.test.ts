import { describe, expect, it } from 'vitest';
import { numberCell, textCell } from './history-csv.js';

describe('CSV cells', () => {
  it('quotes text holding a separator, a quote or a line break', () => {
    expect(textCell('plant/Tank1.Level')).toBe('plant/Tank1.Level');
    expect(textCell('Level, upper')).toBe('"Level, upper"');
    expect(textCell('the "main" tank')).toBe('"the ""main"" tank"');
    expect(textCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(textCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(textCell('+1')).toBe("'+1");
    expect(textCell('-cmd')).toBe("'-cmd");
    expect(textCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes numbers as the shortest exact text, and nothing for a missing value', () => {
    expect(numberCell(-0.1)).toBe('-0.1');
    expect(numberCell(1e21)).toBe('1e+21');
    expect(numberCell(Number.NaN)).toBe('');
  });
});
