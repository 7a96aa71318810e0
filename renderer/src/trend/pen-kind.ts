import { assertNever } from '../../../shared/assert-never.js';

/**
 * How a tag can be drawn, from TagInfo.dataType (the OPC UA built-in type name; an array
 * type carries "[]", e.g. "Double[]"). Analog is drawn as a line, step as a staircase;
 * arrays and non-numeric types are refused with a message, and never draw a made-up number.
 */
export type PenKind = 'analog' | 'step' | 'array' | 'not-numeric';

/** Built-in types whose values main cannot turn into a number; it sends NaN for them. */
const NOT_NUMERIC = new Set([
  'String',
  'LocalizedText',
  'QualifiedName',
  'ByteString',
  'XmlElement',
  'NodeId',
  'ExpandedNodeId',
  'Guid',
  'DateTime',
  'StatusCode',
  'ExtensionObject',
  'DataValue',
  'Variant',
  'DiagnosticInfo',
  'Null',
]);

/** An unknown type ("" before metadata arrives, or a server-defined one) is drawn for whatever numbers it carries. */
export function penKind(dataType: string): PenKind {
  if (dataType.endsWith('[]')) return 'array';
  if (dataType === 'Boolean') return 'step';
  if (NOT_NUMERIC.has(dataType)) return 'not-numeric';
  return 'analog';
}

export function isDrawable(kind: PenKind): boolean {
  return kind === 'analog' || kind === 'step';
}

/** Why a pen draws no line, for the legend; empty when it draws one. */
export function penKindMessage(kind: PenKind, dataType: string): string {
  switch (kind) {
    case 'analog':
    case 'step':
      return '';
    case 'array':
      return `Arrays (${dataType}) cannot be trended`;
    case 'not-numeric':
      return `${dataType} values are not numbers and cannot be trended`;
    default:
      return assertNever(kind);
  }
}
