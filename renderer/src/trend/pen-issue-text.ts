import type { TagIssues } from '../live/tag-issues.js';
import { penKind } from './pen-kind.js';

/** One line on what the trend left out of a pen and why; empty while all is well. */
export function penIssueText(issues: TagIssues | undefined, dataType: string): string {
  if (issues === undefined) return '';
  const parts: string[] = [];
  if (issues.outOfOrder > 0) parts.push(`${issues.outOfOrder} out of time order, not drawn`);
  if (issues.future > 0) parts.push(`${issues.future} stamped in the future, not drawn`);
  if (issues.badTime > 0) parts.push(`${issues.badTime} without a valid time, not drawn`);
  // A non-numeric pen already says it cannot be drawn; every one of its samples is "not a number".
  if (issues.nonFinite > 0 && penKind(dataType) !== 'not-numeric') parts.push(`${issues.nonFinite} NaN or infinite, drawn as gaps`);
  return parts.length === 0 ? '' : `Samples: ${parts.join('; ')}`;
}
