import { describe, expect, it } from 'vitest';
import { ProtocolError, parseServerMessage } from './parse-server-message.js';

describe('parseServerMessage', () => {
  it('reads call results and errors by id', () => {
    expect(parseServerMessage('{"t":"result","id":3,"result":{"tags":[]}}')).toEqual({ t: 'result', id: 3, result: { tags: [] } });
    expect(parseServerMessage('{"t":"result","id":4}')).toEqual({ t: 'result', id: 4, result: undefined });
    expect(parseServerMessage('{"t":"error","id":5,"message":"writeTag: value: must be a finite number"}')).toEqual({
      t: 'error',
      id: 5,
      message: 'writeTag: value: must be a finite number',
    });
  });

  it('reads events', () => {
    expect(parseServerMessage('{"t":"event","event":{"type":"notice","level":"warning","message":"m"}}')).toEqual({
      t: 'event',
      event: { type: 'notice', level: 'warning', message: 'm' },
    });
    expect(parseServerMessage('{"t":"event","event":{"type":"tags","tags":[]}}')).toMatchObject({ event: { type: 'tags' } });
  });

  it.each([
    ['not json', 'nope'],
    ['not an object', '[1]'],
    ['an unknown type', '{"t":"hello"}'],
    ['a result without an id', '{"t":"result","result":1}'],
    ['a negative id', '{"t":"result","id":-1}'],
    ['an error without text', '{"t":"error","id":1}'],
    ['an unknown event', '{"t":"event","event":{"type":"alarm"}}'],
    ['a tags event without tags', '{"t":"event","event":{"type":"tags"}}'],
    ['a notice with a bad level', '{"t":"event","event":{"type":"notice","level":"panic","message":"m"}}'],
  ])('rejects %s', (_, text) => {
    expect(() => parseServerMessage(text)).toThrow(ProtocolError);
  });
});
