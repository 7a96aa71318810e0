import { MessageChannelMain, type MessagePortMain, type WebContents } from 'electron';
import { desktopStation } from './desktop-station.js';
import { clientMessageSchema } from '../../shared/wire-message.js';
import type { ClientSession } from '../api/client-session.js';
import type { Log } from '../api/sample-source.js';
import type { TidewatchCore } from '../api/tidewatch-core.js';
import type { UiCommandEvent } from './app-menu.js';
import { IPC_PORT } from './ipc-channels.js';

/**
 * One core session per loaded page, on a MessagePort of its own. Each page
 * load gets a fresh port and session, so a reload (after a renderer crash,
 * too) never sees a stale stream; the core and its subscriptions go on.
 */
export class RendererPorts {
  private readonly pages = new Map<number, { readonly client: ClientSession; readonly port: MessagePortMain }>();

  constructor(
    private readonly core: TidewatchCore,
    private readonly log: Log,
  ) {}

  connect(contents: WebContents): void {
    this.disconnect(contents.id);
    const { port1, port2 } = new MessageChannelMain();
    // The station names where an action came from in the audit trail.
    const client = this.core.openClient({ frame: (buffer) => port1.postMessage(buffer), event: (event) => port1.postMessage(event) }, desktopStation());
    port1.on('message', ({ data }) => {
      const message = clientMessageSchema.safeParse(data);
      if (message.success && message.data.t === 'ack') client.ack(message.data.seq);
      else this.log('warning', 'dropped a malformed message on the frame port');
    });
    port1.on('close', () => this.disconnect(contents.id));
    port1.start();
    this.pages.set(contents.id, { client, port: port1 });
    contents.postMessage(IPC_PORT, null, [port2]);
  }

  client(contentsId: number): ClientSession | undefined {
    return this.pages.get(contentsId)?.client;
  }

  /** A menu or shortcut command, as an event on the page's port like every other event. */
  command(contentsId: number, event: UiCommandEvent): void {
    this.pages.get(contentsId)?.port.postMessage(event);
  }

  disconnect(contentsId: number): void {
    const page = this.pages.get(contentsId);
    this.pages.delete(contentsId);
    page?.client.dispose();
    page?.port.close();
  }

  dispose(): void {
    for (const id of [...this.pages.keys()]) this.disconnect(id);
  }
}
