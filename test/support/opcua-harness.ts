import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TagInfo } from '../../shared/contract.js';
import type { ConnectionDefinition, SourceFactory, TagDefinition } from '../../main/api/sample-source.js';
import { newTagInfo } from '../../main/api/new-tag-info.js';
import type { OpcuaConnection } from '../../main/opcua/opcua-connection.js';
import { OpcuaConnections, type ConnectionHost } from '../../main/opcua/opcua-connections.js';
import { OpcuaPki } from '../../main/opcua/opcua-pki.js';
import { serverSettingsSchema, type ServerSettingsInput } from '../../main/opcua/server-settings.js';
import type { OpcuaTag } from '../../main/opcua/subscription-plan.js';
import { RecordingListener } from './recording-listener.js';

type HarnessTag = TagDefinition & Omit<OpcuaTag, 'index' | 'nodeId' | 'samplingInterval'>;

/**
 * The core's part, for tests of OPC UA connections: numbers tags, starts
 * sources through OpcuaConnections, keeps one RecordingListener per server.
 * Real PKI folder, real connections, real servers.
 */
export class OpcuaHarness implements ConnectionHost {
  readonly listeners = new Map<string, RecordingListener>();
  private readonly sources = new Map<string, OpcuaConnection>();
  private readonly tags: TagInfo[] = [];

  private constructor(
    /** The PKI's and the connection service's log (each connection logs to its listener). */
    readonly logs: string[],
    readonly dir: string,
    readonly pki: OpcuaPki,
    readonly connections: OpcuaConnections,
    private readonly secrets: Map<string, string>,
  ) {
    connections.attach(this);
  }

  static async open(prefix = 'tidewatch-opcua-'): Promise<OpcuaHarness> {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    const logs: string[] = [];
    const pki = await OpcuaPki.open(path.join(dir, 'pki'), (level, message) => logs.push(`${level} ${message}`));
    const secrets = new Map<string, string>();
    const connections = new OpcuaConnections({
      pki,
      log: (level, message) => logs.push(`${level} ${message}`),
      resolveSecret: async (reference) => {
        const secret = secrets.get(reference);
        if (secret === undefined) throw new Error(`unknown secret ${reference}`);
        return secret;
      },
    });
    return new OpcuaHarness(logs, dir, pki, connections, secrets);
  }

  /** A sealed password, as the SecretBox would hold it. */
  secret(reference: string, password: string): string {
    this.secrets.set(reference, password);
    return reference;
  }

  /** Starts a connection with these settings and tags; its listener records everything. */
  connect(settings: ServerSettingsInput, tags: readonly HarnessTag[], keepAll: ReadonlySet<number> = new Set()): { listener: RecordingListener; tags: TagInfo[] } {
    const parsed = serverSettingsSchema.parse(settings);
    const first = this.tags.length;
    this.listeners.set(parsed.id, new RecordingListener(new Set([...keepAll].map((i) => i + first))));
    this.addConnection({ id: parsed.id, name: parsed.name, endpointUrl: parsed.endpointUrl, publishingInterval: parsed.publishingInterval, tags }, this.connections.sourceFactory(parsed));
    return { listener: this.listener(parsed.id), tags: this.tags.slice(first) };
  }

  listener(id: string): RecordingListener {
    const listener = this.listeners.get(id);
    if (!listener) throw new Error(`no connection ${id}`);
    return listener;
  }

  source(id: string): OpcuaConnection {
    const source = this.sources.get(id);
    if (!source) throw new Error(`no connection ${id}`);
    return source;
  }

  addConnection(definition: ConnectionDefinition, createSource: SourceFactory): void {
    const infos = this.number(definition.id, definition.tags);
    let listener = this.listeners.get(definition.id);
    if (!listener) this.listeners.set(definition.id, (listener = new RecordingListener()));
    const source = createSource(
      { ...definition, tags: infos.map((info, i) => ({ ...definition.tags[i], index: info.index, nodeId: info.nodeId, samplingInterval: definition.tags[i]?.samplingInterval ?? 100 })) },
      listener,
    ) as OpcuaConnection;
    this.sources.set(definition.id, source);
    source.start();
  }

  async removeConnection(id: string): Promise<void> {
    await this.sources.get(id)?.stop();
    this.sources.delete(id);
  }

  addTags(connectionId: string, tags: readonly HarnessTag[]): readonly TagInfo[] {
    const infos = this.number(connectionId, tags);
    void this.source(connectionId).addTags(infos.map((info, i) => ({ ...tags[i], index: info.index, nodeId: info.nodeId, samplingInterval: tags[i]?.samplingInterval ?? 100 })));
    return infos;
  }

  tagList(): readonly TagInfo[] {
    return this.tags;
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.sources.values()].map((s) => s.stop()));
    await this.connections.dispose();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private number(connectionId: string, tags: readonly TagDefinition[]): TagInfo[] {
    const infos = tags.map((tag, i) => newTagInfo(connectionId, this.tags.length + i, tag));
    this.tags.push(...infos);
    return infos;
  }
}

/** Tags for the test server's counters Test.V<from>..Test.V<from+count-1>. */
export function counterTags(count: number, from = 0, extra: Partial<HarnessTag> = {}): HarnessTag[] {
  return Array.from({ length: count }, (_, i) => ({ name: `V${from + i}`, description: '', nodeId: `ns=1;s=Test.V${from + i}`, samplingInterval: 100, ...extra }));
}
