import { describe, expect, it } from 'vitest';
import { helloMessage, parseHandshakeReply } from './handshake-reply.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the OPC UA Hello and the reply to it', () => {
  it('builds a Hello whose header states its own length and carries the endpoint URL', () => {
    const hello = helloMessage('opc.tcp://plc:4840');
    const view = new DataView(hello.buffer);
    expect(new TextDecoder().decode(hello.subarray(0, 4))).toBe('HELF');
    expect(view.getUint32(4, true)).toBe(hello.length);
    expect(new TextDecoder().decode(hello.subarray(32))).toBe('opc.tcp://plc:4840');
  });

  it('recognises an Acknowledge', () => {
    expect(parseHandshakeReply(bytes('ACKF\x1c\0\0\0........'))).toEqual({ kind: 'acknowledge' });
  });

  it('reads the status and reason of an OPC UA Error', () => {
    const message = new Uint8Array(16 + 7);
    const view = new DataView(message.buffer);
    message.set(bytes('ERRF'));
    view.setUint32(4, message.length, true);
    view.setUint32(8, 0x80830000, true);
    view.setInt32(12, 7, true);
    message.set(bytes('refused'), 16);
    expect(parseHandshakeReply(message)).toEqual({ kind: 'error', status: 0x80830000, reason: 'refused' });
  });

  it('calls anything else foreign and shows its printable start', () => {
    expect(parseHandshakeReply(bytes('HTTP/1.1 400 Bad Request\r\n\r\n'))).toEqual({ kind: 'foreign', preview: 'HTTP/1.1 400 Bad Request' });
    expect(parseHandshakeReply(bytes('SSH-2.0'))).toEqual({ kind: 'foreign', preview: 'SSH-2.0' });
  });

  it('waits for more bytes while they could still be an OPC UA reply', () => {
    expect(parseHandshakeReply(bytes('AC'))).toEqual({ kind: 'incomplete' });
    expect(parseHandshakeReply(bytes('ERRF\x10\0\0\0'))).toEqual({ kind: 'incomplete' });
  });
});
