import { describe, expect, it } from 'vitest';
import { severityToPriority } from './severity-priority.js';

describe('severityToPriority', () => {
  it('splits 1..1000 into equal quarters, each boundary on the lower side', () => {
    const at = [1, 250, 251, 500, 501, 750, 751, 1000].map((severity) => `${severity} ${severityToPriority(severity)}`);
    expect(at).toEqual(['1 low', '250 low', '251 medium', '500 medium', '501 high', '750 high', '751 critical', '1000 critical']);
  });

  it('shows a missing or impossible severity as medium rather than guessing it low', () => {
    expect([null, 0, -5, 1001, Number.NaN, Number.POSITIVE_INFINITY].map(severityToPriority)).toEqual(['medium', 'medium', 'medium', 'medium', 'medium', 'medium']);
  });
});
