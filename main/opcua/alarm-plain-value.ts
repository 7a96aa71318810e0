import { DataType, LocalizedText, NodeId, StatusCode, type Variant } from 'node-opcua';

/**
 * An event field as plain JS for the pure mapping: NodeId -> its string,
 * LocalizedText -> its text, DateTime -> ms, ByteString -> hex, StatusCode ->
 * its number; null for a field the server did not fill.
 */
export function plainValue(variant: Variant | undefined): unknown {
  if (variant === undefined || variant.dataType === DataType.Null) return null;
  const value: unknown = variant.value;
  if (value instanceof NodeId) return value.toString();
  if (value instanceof LocalizedText) return value.text ?? '';
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (value instanceof StatusCode) return value.value >>> 0;
  return value;
}
