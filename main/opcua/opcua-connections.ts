import { randomUUID } from 'node:crypto';
import type { ClientSession } from 'node-opcua';
import type { AddServerRequest, AddTagsRequest, ConnectionApi, ServerSettings } from '../../shared/api/connection-api.js';
import { ApiError, type TagInfo } from '../../shared/contract.js';
import type { ConnectionDefinition, Log, SourceFactory, TagDefinition } from '../api/sample-source.js';
import type { BoundArgument } from '../auth/bind-command-arguments.js';
import { browseNode } from './browse-node.js';
import type { MethodArguments, MethodCallResult } from '../auth/command-host.js';
import { callMethod, readMethodArguments } from './call-method.js';
import { discoverServer } from './discover-server.js';
import { findNodes } from './find-nodes.js';
import type { RawHistoryPage, RawHistoryRange, RawHistoryResult } from './history-read-raw.js';
import { OpcuaConnection } from './opcua-connection.js';
import type { OpcuaPki } from './opcua-pki.js';
import { readNodeAttributes } from './read-node-attributes.js';
import { readTagMetadata } from './read-tag-metadata.js';
import { serverSettingsSchema, tagSubscriptionSchema, type ResolveSecret } from './server-settings.js';
import type { OpcuaTag } from './subscription-plan.js';

/** What the service needs from the core (TidewatchCore implements it). */
export interface ConnectionHost {
  addConnection(definition: ConnectionDefinition, createSource: SourceFactory): void;
  removeConnection(id: string): Promise<void>;
  /** Appends tags to a running connection (the core calls its source's addTags); returns their TagInfo in order. */
  addTags(connectionId: string, tags: readonly (TagDefinition & Omit<OpcuaTag, 'index' | 'nodeId' | 'samplingInterval'>)[]): readonly TagInfo[];
  tagList(): readonly TagInfo[];
}

export interface OpcuaConnectionsOptions {
  /** The app's PKI, owned (and disposed) by this service; may still be opening (first run creates the certificate). */
  readonly pki: OpcuaPki | PromiseLike<OpcuaPki>;
  readonly log: Log;
  readonly resolveSecret: ResolveSecret;
  /** Seals a password typed into the dialog (the SecretBox); without one it is kept in memory for this run only. */
  readonly sealSecret?: (plain: string) => Promise<string>;
  /**
   * Where servers added and removed in the dialog are kept (the project),
   * which then starts or stops their connections; without it they run
   * directly, for this run only.
   */
  readonly servers?: ServerStore;
  /**
   * Where tags added in the address-space browser are kept (the project),
   * which then has the core monitor them; without it they run directly, for
   * this run only.
   */
  readonly tags?: TagStore;
}

export interface ServerStore {
  add(settings: ServerSettings): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface TagStore {
  /** Resolves once the tags are saved and running. */
  add(connectionId: string, tags: readonly TagDefinition[]): Promise<void>;
  /** Resolves once the project without them is saved and running. */
  remove(tagIds: readonly string[]): Promise<void>;
}

type SessionListener = (session: ClientSession) => void;
/** A session of any server, with the settings it was made from (alarms & conditions watch its event notifiers). */
type AnySessionListener = (connectionId: string, session: ClientSession, settings: ServerSettings) => void;
const MEMORY_SECRET = 'memory:';

/**
 * Every OPC UA connection of the app and the ConnectionApi over them: the
 * dialog's discovery, certificate trust, browsing and adding tags. The
 * composition root opens it once and hands `sourceFactory(settings)` to the
 * core for each server.
 */
export class OpcuaConnections {
  private readonly connections = new Map<string, OpcuaConnection>();
  private readonly memorySecrets = new Map<string, string>();
  private readonly sessionListeners = new Map<string, SessionListener[]>();
  private anySessionListeners: AnySessionListener[] = [];
  private host: ConnectionHost | null = null;
  private readonly pki: Promise<OpcuaPki>;

  constructor(private readonly options: OpcuaConnectionsOptions) {
    this.pki = Promise.resolve(options.pki);
    // Each connection and API call reports a PKI that cannot open as its own failure; say it once here too.
    this.pki.catch((error: unknown) => options.log('error', `PKI: cannot open: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** The core, for adding servers and tags at runtime (set once it exists). */
  attach(host: ConnectionHost): void {
    this.host = host;
  }

  /** For core.addConnection: one server, reached with its settings (security, login, reconnection). */
  sourceFactory(settings: ServerSettings): SourceFactory {
    return (config, listener) => {
      const connection = new OpcuaConnection({ ...settings, id: config.id, name: config.name, endpointUrl: config.endpointUrl }, config.tags, listener, {
        pki: this.pki,
        resolveSecret: (reference) => this.resolveSecret(reference),
        onStop: () => {
          if (this.connections.get(config.id) === connection) this.connections.delete(config.id);
        },
      });
      this.connections.set(config.id, connection);
      for (const listener of this.sessionListeners.get(config.id) ?? []) connection.onSession(listener);
      connection.onSession((session) => {
        for (const listener of this.anySessionListeners) listener(config.id, session, settings);
      });
      return connection;
    };
  }

  connection(id: string): OpcuaConnection | undefined {
    return this.connections.get(id);
  }

  /** A tag's raw history from its server (OpcuaConnection.readRawHistory); null when that server keeps none of it, or is gone. */
  readRawHistory(connectionId: string, tagIndex: number, range: RawHistoryRange, onPage: (page: RawHistoryPage) => void): Promise<RawHistoryResult> | null {
    return this.connections.get(connectionId)?.readRawHistory(tagIndex, range, onPage) ?? null;
  }

  /** A method's InputArguments and OutputArguments, read from its server now: commands are checked against them before every call. */
  readMethodArguments(connectionId: string, methodId: string): Promise<MethodArguments> {
    return readMethodArguments(this.sessionOf(connectionId), methodId);
  }

  /** One OPC UA Call on the server's live session; the server's StatusCodes come back as they are. */
  callMethod(connectionId: string, objectId: string, methodId: string, args: readonly BoundArgument[]): Promise<MethodCallResult> {
    return callMethod(this.sessionOf(connectionId), objectId, methodId, args);
  }

  /** Runs `listener` with every server's sessions, present and future (alarms and conditions subscribe on each). */
  onAnySession(listener: AnySessionListener): void {
    this.anySessionListeners = [...this.anySessionListeners, listener];
  }

  /** Runs `listener` with each session of that server, including ones made after a restart of the connection. */
  onSession(connectionId: string, listener: SessionListener): () => void {
    this.sessionListeners.set(connectionId, [...(this.sessionListeners.get(connectionId) ?? []), listener]);
    const unsubscribe = this.connections.get(connectionId)?.onSession(listener);
    return () => {
      unsubscribe?.();
      this.sessionListeners.set(connectionId, (this.sessionListeners.get(connectionId) ?? []).filter((l) => l !== listener));
    };
  }

  api(): ConnectionApi {
    const pki = () => this.answer('PKI', 'the app certificate store', () => this.pki);
    return {
      getEndpoints: async ({ endpointUrl }) => {
        const store = await pki();
        return (await this.answer('getEndpoints', endpointUrl, () => discoverServer(endpointUrl, store))).server;
      },
      listServerCertificates: async () => (await pki()).list(),
      trustServerCertificate: async ({ thumbprint }) => {
        const store = await pki();
        const waiting = (await store.list()).find((c) => c.thumbprint === thumbprint)?.connectionIds ?? [];
        await this.answer('trustServerCertificate', thumbprint, () => store.trust(thumbprint));
        this.options.log('info', `server certificate ${thumbprint} trusted`);
        for (const id of waiting) this.connections.get(id)?.retryNow();
      },
      rejectServerCertificate: async ({ thumbprint }) => {
        const store = await pki();
        await this.answer('rejectServerCertificate', thumbprint, () => store.reject(thumbprint));
        this.options.log('info', `server certificate ${thumbprint} rejected`);
      },
      addServer: (request) => this.addServer(request),
      removeServer: async ({ connectionId }) => {
        const { settings } = this.requireConnection('removeServer', connectionId);
        const host = this.requireHost('removeServer');
        const store = this.options.servers;
        if (store) await this.answer('removeServer', settings.name, () => store.remove(connectionId));
        else await host.removeConnection(connectionId);
        this.options.log('info', `server ${settings.name} (${settings.endpointUrl}) removed`);
      },
      browseNode: ({ connectionId, nodeId }) => this.withSession('browseNode', connectionId, nodeId, ({ session }) => browseNode(session, nodeId)),
      findNodes: ({ connectionId, text }) => this.withSession('findNodes', connectionId, text, ({ session, limits }) => findNodes(session, text, limits)),
      readNodeAttributes: ({ connectionId, nodeId }) => this.withSession('readNodeAttributes', connectionId, nodeId, ({ session }) => readNodeAttributes(session, nodeId)),
      addTags: (request) => this.addTags(request),
      removeTags: async ({ tagIds }) => {
        const store = this.options.tags;
        if (!store) throw new ApiError('removeTags: this station runs no project file to remove tags from');
        const subject = tagIds.length === 1 ? tagIds[0]! : `${tagIds.length} tags`;
        await this.answer('removeTags', subject, () => store.remove(tagIds));
        this.options.log('info', `removed ${subject} from the project`);
      },
    };
  }

  /** After the core has stopped the connections. */
  async dispose(): Promise<void> {
    this.connections.clear();
    this.sessionListeners.clear();
    this.memorySecrets.clear();
    await (await this.pki.catch(() => null))?.dispose();
  }

  private async addServer(request: AddServerRequest): Promise<void> {
    const host = this.requireHost('addServer');
    const { password, settings: requested } = request;
    if (this.connections.has(requested.id ?? '')) throw new ApiError(`addServer: settings.id: a server with id ${JSON.stringify(requested.id)} already exists`);
    let user = requested.user;
    if (user?.kind === 'userName' && user.passwordSecret === undefined) user = { ...user, passwordSecret: await this.seal(password ?? '') };
    const parsed = serverSettingsSchema.safeParse({ ...requested, user });
    if (!parsed.success) throw new ApiError(`addServer: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const settings = parsed.data;
    const store = this.options.servers;
    if (store) await this.answer('addServer', settings.name, () => store.add(settings));
    else host.addConnection({ id: settings.id, name: settings.name, endpointUrl: settings.endpointUrl, publishingInterval: settings.publishingInterval, tags: [] }, this.sourceFactory(settings));
    this.options.log('info', `server ${settings.name} (${settings.endpointUrl}) added`);
  }

  /**
   * Adds variables as tags. Nodes are checked first (they exist, they are
   * Variables) so a wrong pick is refused with the reason and nothing is
   * half-added; a node that already is a tag answers with that tag.
   */
  private async addTags(request: AddTagsRequest): Promise<{ tags: readonly TagInfo[] }> {
    const host = this.requireHost('addTags');
    const { connectionId } = request;
    const connection = this.requireConnection('addTags', connectionId);
    const existing = host.tagList().filter((t) => t.connectionId === connectionId);
    const fresh = request.tags.filter((t) => !existing.some((e) => e.nodeId === t.nodeId));
    const { session, limits } = this.activeSession('addTags', connection);
    const checks = await readTagMetadata(session, fresh.map((t) => t.nodeId), limits);
    const refused = fresh.flatMap((t, i) => (checks[i]?.ok === false ? [`${t.nodeId}: ${checks[i].reason}`] : []));
    if (refused.length > 0) throw new ApiError(`addTags: ${connection.settings.name}: ${refused.join('; ')}`);
    const names = new Set(existing.map((t) => t.name));
    const definitions = fresh.map((t, i) => {
      const metadata = checks[i]?.ok ? checks[i].metadata : null;
      const name = uniqueName(t.name ?? t.nodeId.replace(/^ns=\d+;[isgb]=/, ''), names);
      names.add(name);
      const subscription = tagSubscriptionSchema.parse(t.subscription ?? {});
      return { name, description: metadata?.description ?? '', nodeId: t.nodeId, ...subscription };
    });
    if (definitions.length > 0) {
      if (this.options.tags) await this.options.tags.add(connectionId, definitions);
      else host.addTags(connectionId, definitions);
    }
    const all = host.tagList().filter((t) => t.connectionId === connectionId);
    return { tags: request.tags.map((t) => all.find((tag) => tag.nodeId === t.nodeId)!).filter(Boolean) };
  }

  private async withSession<T>(method: string, connectionId: string, what: string | undefined, run: (active: ReturnType<OpcuaConnection['activeSession']>) => Promise<T>): Promise<T> {
    const connection = this.requireConnection(method, connectionId);
    const active = this.activeSession(method, connection);
    return this.answer(method, `${connection.settings.name}${what ? `: ${what}` : ''}`, () => run(active));
  }

  private activeSession(method: string, connection: OpcuaConnection) {
    try {
      return connection.activeSession();
    } catch (error) {
      throw new ApiError(`${method}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Runs a request; its failure becomes an ApiError that names the method and the subject. */
  private async answer<T>(method: string, subject: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw new ApiError(`${method}: ${subject}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private requireConnection(method: string, id: string): OpcuaConnection {
    const connection = this.connections.get(id);
    if (!connection) throw new ApiError(`${method}: connectionId: no OPC UA server ${JSON.stringify(id)}`);
    return connection;
  }

  private sessionOf(connectionId: string): ClientSession {
    const connection = this.connections.get(connectionId);
    if (!connection) throw new Error(`no OPC UA server ${JSON.stringify(connectionId)} is running`);
    return connection.activeSession().session;
  }

  private requireHost(method: string): ConnectionHost {
    if (!this.host) throw new ApiError(`${method}: not available until the app has started`);
    return this.host;
  }

  private async seal(password: string): Promise<string> {
    if (this.options.sealSecret) return this.options.sealSecret(password);
    const reference = `${MEMORY_SECRET}${randomUUID()}`;
    this.memorySecrets.set(reference, password);
    return reference;
  }

  private resolveSecret(reference: string): Promise<string> {
    const remembered = this.memorySecrets.get(reference);
    return remembered !== undefined ? Promise.resolve(remembered) : this.options.resolveSecret(reference);
  }
}

function uniqueName(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted} (${n})`)) return `${wanted} (${n})`;
}
