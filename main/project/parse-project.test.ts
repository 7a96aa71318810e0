import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from './parse-project.js';
import { formatIssue } from './project-error.js';

const good = {
  version: 1,
  name: 'Line 1',
  servers: [
    { id: 'line1', name: 'Line 1 PLC', endpointUrl: 'opc.tcp://10.0.0.5:4840/line1' },
    { id: 'demo', name: 'Demo plant', embedded: 'demo-plant' },
  ],
  tags: [
    { name: 'Tank1.Level', server: 'demo', nodeId: 'ns=1;s=Tank1.Level' },
    { name: 'FT101', server: 'line1', nodeId: 'ns=2;s=FT101', samplingInterval: 250, deadband: { type: 'percent', value: 0.5 }, writeLimits: { low: 0, high: 80 } },
  ],
};
const text = (value: unknown) => JSON.stringify(value);
const errors = (value: unknown) => {
  const result = parseProject(typeof value === 'string' ? value : text(value));
  return result.ok ? [] : result.issues.map(formatIssue);
};

describe('parseProject', () => {
  it('accepts a good file and fills in the defaults', () => {
    const result = parseProject(text(good));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.project.servers[0]?.publishingInterval).toBe(100);
    expect(result.project.tags[0]).toMatchObject({ description: '', samplingInterval: 100, history: true });
    expect(result.project.historian).toEqual({ retentionDays: 90, maxSizeMb: 2048, flushIntervalMs: 1000 });
  });

  it('round-trips: what it saves it loads again unchanged', () => {
    const first = parseProject(text(good));
    if (!first.ok) throw new Error('expected ok');
    const again = parseProject(serializeProject(first.project));
    expect(again).toEqual(first);
  });

  it('takes operator positions for the alarm KPIs, and names a bad one by its path', () => {
    const positions = [{ name: 'Console 1', areas: ['Tanks'] }];
    const result = parseProject(text({ ...good, alarmPositions: positions }));
    expect(result.ok && result.project.alarmPositions).toEqual(positions);
    expect(errors({ ...good, alarmPositions: [{ name: 'Console 1', areas: [] }] })).toEqual(['alarmPositions[0].areas: Too small: expected array to have >=1 items']);
    expect(errors({ ...good, alarmPositions: [...positions, ...positions] })).toEqual(['alarmPositions: two positions have the same name']);
  });

  it('reports a syntax error with where it is', () => {
    const [message] = errors('{\n  "version": 1,\n  "name": "x"\n  "servers": []\n}');
    expect(message).toMatch(/^not valid JSON: .*line 4 column 3/);
  });

  it('lists every schema problem with its path', () => {
    const broken = {
      ...good,
      colour: 'blue',
      servers: [{ id: 'line 1', name: '', endpointUrl: 'http://plc' }],
      tags: [{ name: 'A', server: 'line1', nodeId: 'ns=2;s=A', samplingInterval: 'fast' }],
    };
    expect(errors(broken)).toEqual([
      'servers[0].id: use letters, digits, "_", "." or "-"',
      'servers[0].name: Too small: expected string to have >=1 characters',
      'servers[0].endpointUrl: must look like opc.tcp://host:port/path',
      'tags[0].samplingInterval: Invalid input: expected number, received string',
      'Unrecognized key: "colour"',
    ]);
  });

  it('refuses a server with both or neither of endpointUrl and embedded', () => {
    expect(errors({ ...good, servers: [{ id: 'a', name: 'A' }] })).toEqual(['servers[0]: give either endpointUrl or embedded, not both or neither']);
  });

  it('finds duplicates and unknown references, all of them, with their paths', () => {
    const broken = {
      ...good,
      servers: [...good.servers, { id: 'line1', name: 'Again', endpointUrl: 'opc.tcp://h:1' }],
      tags: [
        ...good.tags,
        { name: 'FT101', server: 'line1', nodeId: 'ns=2;s=FT101b' },
        { name: 'PT1', server: 'line2', nodeId: 'ns=2;s=PT1' },
        { name: 'X', server: 'demo', nodeId: 'ns=1;s=X', deadband: { type: 'percent', value: 150 } },
      ],
    };
    expect(errors(broken)).toEqual([
      'servers[2].id: duplicate server id "line1"',
      'tags[2].name: duplicate tag name "FT101" on server "line1"',
      'tags[3].server: unknown server "line2"',
      'tags[4].deadband.value: a percent deadband cannot exceed 100',
    ]);
  });

  it('checks commands: names unique, servers and pulse tags known, fixed arguments of their type, each with its path', () => {
    const method = { name: 'Batch', server: 'line1', label: 'Start batch', kind: 'method', objectId: 'ns=2;s=Line', methodId: 'ns=2;s=Line.Start' };
    const broken = {
      ...good,
      commands: [
        { ...method, arguments: [{ name: 'Size', dataType: 'UInt32', value: -1 }, { name: 'Size', dataType: 'String' }] },
        { ...method, server: 'line9' },
        { name: 'Reset', server: 'demo', label: 'Reset', kind: 'pulse', tag: 'X' },
        { name: 'Reset2', server: 'demo', label: 'Reset', kind: 'pulse', tag: 'line1/FT101' },
        { name: 'Odd', server: 'demo', label: 'Odd', kind: 'pulse', tag: 'demo/Tank1.Level', pulseMs: 10 },
      ],
    };
    expect(errors(broken)).toEqual(['commands[4].pulseMs: Too small: expected number to be >=50']);
    broken.commands.pop();
    expect(errors(broken)).toEqual([
      'commands[0].arguments[0].value: takes a whole number from 0 to 4294967295 (UInt32), not -1',
      'commands[0].arguments[1].name: duplicate argument name "Size"',
      'commands[1].name: duplicate command name "Batch"',
      'commands[1].server: unknown server "line9"',
      'commands[2].tag: unknown tag "X"',
      'commands[3].tag: "line1/FT101" is not on the command\'s server "demo"',
    ]);
    const ok = parseProject(text({ ...good, commands: [method, { name: 'R', server: 'demo', label: 'R', kind: 'pulse', tag: 'demo/Tank1.Level' }] }));
    expect(ok.ok && ok.project.commands).toEqual([
      { ...method, critical: false, arguments: [] },
      { name: 'R', server: 'demo', label: 'R', kind: 'pulse', tag: 'demo/Tank1.Level', critical: false, pulseMs: 500 },
    ]);
  });

  it('checks displays: names unique, tags and links known, elements inside, each with its path', () => {
    const overview = {
      name: 'Overview',
      width: 800,
      height: 400,
      elements: [
        { kind: 'bar', x: 10, y: 10, width: 40, height: 200, tag: 'demo/Tank1.Level' },
        { kind: 'value', x: 60, y: 10, tag: 'line1/FT101' },
        { kind: 'link', x: 700, y: 350, display: 'Pumps' },
      ],
    };
    const ok = parseProject(text({ ...good, displays: [overview, { name: 'Pumps', elements: [{ kind: 'link', x: 5, y: 5, display: 'Overview' }] }] }));
    expect(ok.ok && ok.project.displays.map((d) => [d.name, d.width, d.height, d.elements.length])).toEqual([['Overview', 800, 400, 3], ['Pumps', 1200, 700, 1]]);
    expect(ok.ok && ok.project.displays[0]?.elements[1]).toEqual({ kind: 'value', x: 60, y: 10, tag: 'line1/FT101', width: 150 });
    // What the schema sees first, alone: a kind it does not know and a bar scaled upside down.
    expect(errors({ ...good, displays: [{ name: 'A', elements: [{ kind: 'gauge', x: 1, y: 1 }, { kind: 'bar', x: 1, y: 1, width: 5, height: 5, tag: 'demo/Tank1.Level', min: 10, max: 0 }] }] })).toEqual([
      "displays[0].elements[0].kind: Invalid discriminator value. Expected 'text' | 'rect' | 'line' | 'value' | 'bar' | 'indicator' | 'link'",
      'displays[0].elements[1].max: max must be above min',
    ]);
    expect(
      errors({
        ...good,
        displays: [
          { ...overview, elements: [...overview.elements, { kind: 'value', x: 900, y: 10, tag: 'demo/Tank1.Level' }, { kind: 'line', points: [[0, 0], [10, 500]] }] },
          { name: 'Overview', elements: [{ kind: 'indicator', x: 1, y: 1, tag: 'demo/Pump9.Running', label: 'Pump 9' }] },
        ],
      }),
    ).toEqual([
      'displays[1].name: duplicate display name "Overview"',
      'displays[0].elements[2].display: unknown display "Pumps"',
      "displays[0].elements[3]: (900, 10) is outside the display's 800 x 400",
      "displays[0].elements[4]: (10, 500) is outside the display's 800 x 400",
      'displays[1].elements[0].tag: unknown tag "demo/Pump9.Running"',
    ]);
  });

  describe('server security and login', () => {
    const sealed = 'tw-sealed:v1:aes-256-gcm:c2VhbGVk';
    const secured = { id: 'line2', name: 'Line 2 PLC', endpointUrl: 'opc.tcp://10.0.0.6:4840', securityMode: 'SignAndEncrypt', securityPolicy: 'Aes256_Sha256_RsaPss' };
    const withServer = (server: Record<string, unknown>) => ({ ...good, servers: [...good.servers, { ...secured, ...server }] });

    it('takes a mode, a policy and each kind of login, and defaults to no security, anonymous', () => {
      const result = parseProject(
        text({
          ...good,
          servers: [
            ...good.servers,
            { ...secured, user: { kind: 'userName', userName: 'operator', passwordSecret: sealed } },
            { ...secured, id: 'line3', securityMode: 'Sign', securityPolicy: 'Basic256Sha256', user: { kind: 'certificate', certificateFile: 'c.pem', privateKeyFile: 'c.key' } },
            { ...secured, id: 'line4', securityPolicy: 'Aes128_Sha256_RsaOaep', user: { kind: 'userName', userName: 'op', password: 'typed by hand' } },
          ],
        }),
      );
      if (!result.ok) throw new Error(result.issues.map(formatIssue).join('; '));
      const [plain, , line2, line3, line4] = result.project.servers;
      expect(plain).toMatchObject({ securityMode: 'None', securityPolicy: 'None', user: { kind: 'anonymous' }, autoAcceptServerCertificate: false });
      expect(line2).toMatchObject({ securityMode: 'SignAndEncrypt', securityPolicy: 'Aes256_Sha256_RsaPss', user: { kind: 'userName', userName: 'operator', passwordSecret: sealed } });
      expect(line3?.user).toEqual({ kind: 'certificate', certificateFile: 'c.pem', privateKeyFile: 'c.key' });
      expect(line4?.user).toEqual({ kind: 'userName', userName: 'op', password: 'typed by hand' });
    });

    it('names the server and the field of each bad value', () => {
      expect(errors(withServer({ securityPolicy: 'Basic128Rsa15' }))).toEqual([
        'servers[2].securityPolicy: Invalid option: expected one of "None"|"Basic256Sha256"|"Aes128_Sha256_RsaOaep"|"Aes256_Sha256_RsaPss"',
      ]);
      expect(errors(withServer({ securityMode: 'Encrypt' }))).toEqual(['servers[2].securityMode: Invalid option: expected one of "None"|"Sign"|"SignAndEncrypt"']);
      expect(errors(withServer({ securityPolicy: 'None' }))).toEqual([
        'servers[2].securityPolicy: securityMode None goes with securityPolicy None, and Sign/SignAndEncrypt with a real policy',
      ]);
      expect(errors(withServer({ user: { kind: 'kerberos' } }))).toEqual(["servers[2].user.kind: Invalid discriminator value. Expected 'anonymous' | 'userName' | 'certificate'"]);
      expect(errors(withServer({ user: { kind: 'certificate', certificateFile: 'c.pem' } }))).toEqual(['servers[2].user.privateKeyFile: Invalid input: expected string, received undefined']);
    });

    it('refuses a clear-text password where a sealed one belongs, and a password given twice or not at all', () => {
      expect(errors(withServer({ user: { kind: 'userName', userName: 'op', passwordSecret: 'hunter2' } }))).toEqual([
        'servers[2].user.passwordSecret: must be sealed (start with "tw-sealed:v1:"), as Tidewatch writes it: secrets are never stored in clear text; put a clear-text password in "password" instead, and Tidewatch seals it when it loads the file',
      ]);
      const once = 'servers[2].user.password: give the password once: in clear in "password" (Tidewatch seals it when it loads the file) or sealed in "passwordSecret"';
      expect(errors(withServer({ user: { kind: 'userName', userName: 'op', password: 'x', passwordSecret: sealed } }))).toEqual([once]);
      expect(errors(withServer({ user: { kind: 'userName', userName: 'op' } }))).toEqual([once]);
    });
  });

  it('refuses write limits upside down', () => {
    const broken = { ...good, tags: [{ name: 'A', server: 'demo', nodeId: 'ns=1;s=A', writeLimits: { low: 10, high: 5 } }] };
    expect(errors(broken)).toEqual(['tags[0].writeLimits.low: low must not be above high']);
  });

  it('checks trend layouts: names unique, colours and scaling sane, each problem with its path', () => {
    const pen = { tagId: 'demo/Tank1.Level', color: '#56b4e9', visible: true, axis: '' };
    const trend = { name: 'Tanks', pens: [pen], axes: [], window: { mode: 'live', spanMs: 600_000 } };
    expect(errors({ ...good, trends: [trend] })).toEqual([]);
    expect(
      errors({
        ...good,
        trends: [trend, { ...trend, pens: [{ ...pen, color: 'blue' }], axes: [{ axis: 'm', scaling: { mode: 'fixed', min: 5, max: 1 } }] }],
      }),
    ).toEqual(['trends[1].pens[0].color: must be a colour like #56b4e9', 'trends[1].axes[0].scaling.max: max must be above min', 'trends: trend layout names must be unique']);
  });

  it('names the path of every bad historian setting', () => {
    const broken = { ...good, historian: { retentionDays: 0.5, maxSizeMb: 2.5, flushIntervalMs: 10, journalRetentionDays: 'forever', keep: 'all' } };
    expect(errors(broken)).toEqual([
      'historian.retentionDays: keep history at least 1 day',
      'historian.maxSizeMb: Invalid input: expected int, received number',
      'historian.flushIntervalMs: Too small: expected number to be >=100',
      'historian.journalRetentionDays: Invalid input: expected number, received string',
      'historian: Unrecognized key: "keep"',
    ]);
    expect(errors({ ...good, historian: { maxSizeMb: 8 } })).toEqual(['historian.maxSizeMb: allow at least 16 MB']);
  });

  it('refuses a file of another format version', () => {
    expect(errors({ ...good, version: 2 })).toEqual(['version: Invalid input: expected 1']);
  });
});
