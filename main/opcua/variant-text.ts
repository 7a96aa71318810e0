import { DataType, VariantArrayType, type Variant } from 'node-opcua';

const MAX_TEXT = 200;

/** A value as the attribute panel shows it: short, never "[object Object]". */
export function variantText(variant: Variant | null | undefined): string {
  if (!variant || variant.dataType === DataType.Null) return '';
  if (variant.arrayType !== VariantArrayType.Scalar) return `${DataType[variant.dataType]}[${(variant.value as ArrayLike<unknown> | null)?.length ?? 0}]`;
  return clip(scalarText(variant.dataType, variant.value));
}

function scalarText(dataType: DataType, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (dataType === DataType.LocalizedText) return (value as { text?: string | null }).text ?? '';
  if (dataType === DataType.QualifiedName) return (value as { name?: string | null }).name ?? '';
  if ((dataType === DataType.Int64 || dataType === DataType.UInt64) && Array.isArray(value)) {
    const [high, low] = value as [number, number];
    const unsigned = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
    return String(dataType === DataType.Int64 ? BigInt.asIntN(64, unsigned) : unsigned);
  }
  if (Buffer.isBuffer(value)) return `ByteString (${value.length} bytes)`;
  if (typeof value === 'object') return typeof (value as { toString?: unknown }).toString === 'function' ? String(value) : JSON.stringify(value);
  return String(value);
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}
