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
    const project = { type: 'project', project: { name: 'Demo plant', file: '/p/demo.tidewatch', issues: ['displays[0].name: duplicate display name "A"'], lastGood: null } };
    expect(parseServerMessage(JSON.stringify({ t: 'event', event: project }))).toEqual({ t: 'event', event: project });
    expect(parseServerMessage('{"t":"event","event":{"type":"command","command":"next-display"}}')).toEqual({ t: 'event', event: { type: 'command', command: 'next-display' } });
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
    ['a project event without a status', '{"t":"event","event":{"type":"project","project":{"name":"x"}}}'],
    ['an unknown command', '{"t":"event","event":{"type":"command","command":"format-disk"}}'],
    ['an inherited type name', '{"t":"event","event":{"type":"toString"}}'],
    ['a notice with a bad level', '{"t":"event","event":{"type":"notice","level":"panic","message":"m"}}'],
  ])('rejects %s', (_, text) => {
    expect(() => parseServerMessage(text)).toThrow(ProtocolError);
  });
});
