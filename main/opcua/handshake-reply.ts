/**
 * The first message of OPC UA TCP (Part 6, 7.1.2): a Hello. Built by hand so
 * a failed connection can be diagnosed below node-opcua, whose errors lose
 * the cause ("ERROR in waiting for data on socket").
 */
export function helloMessage(endpointUrl: string): Uint8Array {
  const url = new TextEncoder().encode(endpointUrl);
  const size = 8 + 20 + 4 + url.length;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('HELF'), 0);
  view.setUint32(4, size, true);
  view.setUint32(8, 0, true); // protocol version
  view.setUint32(12, 65_536, true); // receive buffer size
  view.setUint32(16, 65_536, true); // send buffer size
  view.setUint32(20, 0, true); // max message size: no limit
  view.setUint32(24, 0, true); // max chunk count: no limit
  view.setInt32(28, url.length, true);
  bytes.set(url, 32);
  return bytes;
}

export type HandshakeReply =
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'acknowledge' }
  | { readonly kind: 'error'; readonly status: number; readonly reason: string }
  | { readonly kind: 'foreign'; readonly preview: string };

/** What the first bytes a server sent back say: an OPC UA Acknowledge, an OPC UA Error, or another protocol. */
export function parseHandshakeReply(bytes: Uint8Array): HandshakeReply {
  if (bytes.length < 8) return looksLikeOpcua(bytes) ? { kind: 'incomplete' } : { kind: 'foreign', preview: preview(bytes) };
  const type = String.fromCharCode(...bytes.subarray(0, 4));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 'ACKF') return { kind: 'acknowledge' };
  if (type === 'ERRF') {
    if (bytes.length < 12) return { kind: 'incomplete' };
    const status = view.getUint32(8, true);
    const length = bytes.length >= 16 ? view.getInt32(12, true) : -1;
    const reason = length > 0 && bytes.length >= 16 + length ? new TextDecoder().decode(bytes.subarray(16, 16 + length)) : '';
    return { kind: 'error', status, reason };
  }
  return { kind: 'foreign', preview: preview(bytes) };
}

function looksLikeOpcua(bytes: Uint8Array): boolean {
  const prefixes = ['ACKF', 'ERRF'];
  const text = String.fromCharCode(...bytes);
  return prefixes.some((p) => p.startsWith(text));
}

/** The printable start of a foreign reply, e.g. "HTTP/1.1 400 Bad Request". */
function preview(bytes: Uint8Array): string {
  const text = Array.from(bytes.subarray(0, 32), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
  return text.split('..')[0]?.trim() ?? '';
}
