import type { TagInfo } from '../../../shared/contract.js';

/** A plausible TagInfo for tests; override what the test is about. */
export function makeTagInfo(index: number, overrides: Partial<TagInfo> = {}): TagInfo {
  return {
    index,
    id: `plant/T${index}`,
    name: `T${index}`,
    displayName: `T${index}`,
    description: '',
    connectionId: 'plant',
    nodeId: `ns=2;i=${index}`,
    unit: '',
    decimals: null,
    euRange: null,
    dataType: 'Double',
    writable: false,
    ...overrides,
  };
}
