import { contextBridge, ipcRenderer } from 'electron';
import type { ServerEvent, TidewatchBridge } from '../../shared/contract.js';
import { buildApi } from '../../shared/build-api.js';
import { IPC_CALL, IPC_PORT, type CallReply } from './ipc-channels.js';

// Frames and events arrive on a MessagePort (typed arrays are cloned, not
// serialised); calls go through invoke so each gets its own reply.
const frameListeners = new Set<(frame: ArrayBuffer) => void>();
const eventListeners = new Set<(event: ServerEvent) => void>();
let port: MessagePort | null = null;

ipcRenderer.on(IPC_PORT, (event) => {
  port?.close();
  port = event.ports[0] ?? null;
  if (!port) return;
  port.onmessage = ({ data }: MessageEvent<unknown>) => {
    if (data instanceof ArrayBuffer) for (const listener of frameListeners) listener(data);
    else for (const listener of eventListeners) listener(data as ServerEvent);
  };
  port.start();
});

async function call(method: string, params: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(IPC_CALL, method, params)) as CallReply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}

const bridge: TidewatchBridge = {
  ...buildApi(call),
  onEvent(listener) {
    eventListeners.add(listener);
    return () => eventListeners.delete(listener);
  },
  onFrame(listener) {
    frameListeners.add(listener);
    return () => frameListeners.delete(listener);
  },
  ackFrame(seq) {
    port?.postMessage({ t: 'ack', seq });
  },
};

contextBridge.exposeInMainWorld('tidewatch', bridge);
