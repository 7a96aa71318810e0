import { describe, expect, it } from 'vitest';
import { penIssueText } from './pen-issue-text.js';

describe('penIssueText', () => {
  it('says what was left out and why', () => {
    expect(penIssueText(undefined, 'Double')).toBe('');
    expect(penIssueText({ outOfOrder: 2, future: 1, badTime: 0, nonFinite: 3 }, 'Double')).toBe(
      'Samples: 2 out of time order, not drawn; 1 stamped in the future, not drawn; 3 NaN or infinite, drawn as gaps',
    );
  });

  it('does not repeat for a text tag that every sample is not a number', () => {
    expect(penIssueText({ outOfOrder: 0, future: 0, badTime: 0, nonFinite: 9 }, 'String')).toBe('');
  });
});
